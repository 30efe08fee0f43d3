using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Finished (Complete or Pruned) trials in trial-number order, kept incrementally: the ranking key Optuna
/// builds in <c>_get_observation_pairs</c> and each parameter's value already in the model space (NaN when the
/// trial lacks the parameter). Failed trials are never added.
/// </summary>
internal sealed class TpeObservations
{
    private readonly TpeDimension[] _dims;
    private readonly List<int> _numbers = [];
    private readonly List<double> _stepKey = [];
    private readonly List<double> _valueKey = [];
    private readonly List<double>[] _columns;
    private readonly HashSet<int> _seen = [];
    private readonly TpeColumnIndex[] _index;

    public TpeObservations(SearchSpace space)
    {
        _dims = [.. space.Parameters.Select((p, i) => new TpeDimension(p, i))];
        _columns = [.. _dims.Select(_ => new List<double>())];
        _index = [.. _dims.Select(_ => new TpeColumnIndex())];
    }

    public TpeDimension[] Dimensions => _dims;
    public int Count => _numbers.Count;
    public int Number(int i) => _numbers[i];
    public double StepKey(int i) => _stepKey[i];
    public double ValueKey(int i) => _valueKey[i];
    public List<double> Column(int dim) => _columns[dim];
    public TpeColumnIndex Index(int dim) => _index[dim];

    /// <summary>Adds a finished trial once; returns false for states that carry no observation or repeats.</summary>
    public bool TryAdd(TrialRecord trial, StudyDirection direction)
    {
        if (trial.State is not (TrialState.Complete or TrialState.Pruned)) return false;
        var (step, value) = Score(trial, direction);
        return TryAdd(trial, step, value);
    }

    /// <summary>Adds a trial once under the given ranking key (minimised: step key first, then value key).</summary>
    public bool TryAdd(TrialRecord trial, double step, double value)
    {
        if (!_seen.Add(trial.Number)) return false;
        // Trials usually finish in number order; a late finisher is inserted at its chronological place.
        var at = _numbers.BinarySearch(trial.Number);
        at = at < 0 ? ~at : at;
        _numbers.Insert(at, trial.Number);
        _stepKey.Insert(at, step);
        _valueKey.Insert(at, value);
        for (var d = 0; d < _dims.Length; d++)
        {
            var v = trial.Params.TryGetValue(_dims[d].Name, out var raw) ? _dims[d].ToModel(raw) : double.NaN;
            _columns[d].Insert(at, v);
            _index[d].Insert(_columns[d], at, v);
        }
        return true;
    }

    /// <summary>
    /// Optuna's (−step, value) ranking key, minimised: a Complete trial is (−∞, ±value); a Pruned one is
    /// (−last step, ±last value), +∞ for a NaN value, or (1, 0) with no reports.
    /// </summary>
    public static (double Step, double Value) Score(TrialRecord trial, StudyDirection direction)
    {
        var sign = direction == StudyDirection.Minimize ? 1.0 : -1.0;
        if (trial.State == TrialState.Complete) return (double.NegativeInfinity, sign * trial.Value!.Value);
        if (trial.LastStep is not { } last) return (1, 0.0);
        var v = trial.LastIntermediateValue!.Value;
        return (-last, double.IsNaN(v) ? double.PositiveInfinity : sign * v);
    }
}
