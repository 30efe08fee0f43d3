namespace Sweep.SearchSpaces;

/// <summary>
/// One trial as the study knows it. Only the <see cref="Study"/> changes it (its setters are internal);
/// samplers and pruners read it. A finished trial (Complete, Pruned, Fail) never changes again.
/// </summary>
public sealed class TrialRecord
{
    private readonly Dictionary<string, double> _params = new(StringComparer.Ordinal);
    private readonly SortedList<int, double> _intermediate = [];

    internal TrialRecord(int number) => Number = number;

    /// <summary>0, 1, 2, … in ask order.</summary>
    public int Number { get; }

    public TrialState State { get; internal set; } = TrialState.Running;

    /// <summary>Parameter values in internal representation (choice index for categoricals).</summary>
    public IReadOnlyDictionary<string, double> Params => _params;

    /// <summary>The objective value of a Complete trial; null otherwise.</summary>
    public double? Value { get; internal set; }

    /// <summary>Reported intermediate values by step, ascending.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues => _intermediate;

    /// <summary>Steps in ascending order (the keys of <see cref="IntermediateValues"/>).</summary>
    public IList<int> Steps => _intermediate.Keys;

    /// <summary>The last reported step, or null when nothing was reported.</summary>
    public int? LastStep => _intermediate.Count == 0 ? null : _intermediate.Keys[^1];

    /// <summary>The value reported at the last step, or null.</summary>
    public double? LastIntermediateValue => _intermediate.Count == 0 ? null : _intermediate.Values[^1];

    /// <summary>Hyperband bracket of this trial when the pruner assigns brackets; visible to samplers.</summary>
    public int? Bracket { get; internal set; }

    /// <summary>Why the trial failed, when it did.</summary>
    public string? Error { get; internal set; }

    public bool IsFinished => State is TrialState.Complete or TrialState.Pruned or TrialState.Failed;

    internal void SetParams(IReadOnlyDictionary<string, double> values)
    {
        _params.Clear();
        foreach (var (k, v) in values) _params[k] = v;
    }

    internal void SetIntermediate(int step, double value) => _intermediate[step] = value;

    public override string ToString() => $"Trial {Number} ({State})";
}
