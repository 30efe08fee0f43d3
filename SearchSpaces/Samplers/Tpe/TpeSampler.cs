using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Tree-structured Parzen Estimator, a port of Optuna 3.1's <c>TPESampler</c>. With the same seed, options and
/// tells it proposes the same parameters as Optuna: startup trials come from an own <see cref="RandomSampler"/>
/// (seeded like Optuna's), the model draws from a separate numpy-compatible stream. Independent mode samples
/// each parameter on its own; <see cref="TpeOptions.Multivariate"/> samples the parameters every finished trial
/// shares jointly, and <see cref="TpeOptions.Group"/> does so per group of parameters that appear together.
/// </summary>
public sealed class TpeSampler : ISampler
{
    private readonly TpeOptions _options;
    private readonly ParzenSettings _settings;
    private readonly NumpyRandomState _rng;
    private readonly RandomSampler _random;
    private TpeObservations? _obs;
    private TpeGroups? _groups;
    private TpeUnivariate? _univariate;

    public TpeSampler(TpeOptions? options = null)
    {
        _options = options ?? new TpeOptions();
        if (_options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
        _settings = ParzenSettings.From(_options);
        var seed = _options.Seed is { } s ? s : NumpyRandomState.EntropySeed();
        _rng = new NumpyRandomState(seed);
        _random = new RandomSampler(unchecked((int)seed));
    }

    /// <summary>Its own stream and its startup sampler's, one after the other.</summary>
    public byte[] SaveState() => [.. _rng.SaveState(), .. _random.SaveState()];

    public void RestoreState(ReadOnlySpan<byte> state)
    {
        if (state.Length != 2 * NumpyRandomState.StateBytes)
            throw new ArgumentException($"a TPE sampler's state is {2 * NumpyRandomState.StateBytes} bytes (got {state.Length})");
        _rng.RestoreState(state[..NumpyRandomState.StateBytes]);
        _random.RestoreState(state[NumpyRandomState.StateBytes..]);
    }

    public string Name => "tpe";

    /// <summary>
    /// The rung the last ask modelled under <see cref="TpeFidelity.Rungs"/>, or null when it used finished trials
    /// (final model, startup, or no rung with enough observations). For tests and logs.
    /// </summary>
    public long? LastModelledRung { get; private set; }

    public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial)
    {
        var obs = Sync(history);
        var rung = _options.Fidelity == TpeFidelity.Rungs ? TpeRungObservations.Choose(history, RungMinimum(history)) : null;
        LastModelledRung = rung?.Rung;
        if (rung is { } r) obs = r.Observations;
        var running = CollectRunning(history, trial, rung is null ? null : obs);
        var n = obs.Count;
        TpeSplit? split = null;
        TpeSplit Split() => split ??= new TpeSplit(obs, TpeWeights.DefaultGamma(n));
        var ctx = new TpeContext(obs, running, _settings, _options.Candidates, _rng);

        var relative = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_options.Multivariate && n >= _options.StartupTrials)
        {
            foreach (var group in RelativeGroups(obs, fresh: rung is not null))
                if (group.Length > 0) ctx.SampleJoint(group, Split(), relative);
        }
        // A rung's observations are rebuilt every ask, so they get a model of their own, not the cached one.
        var univariate = rung is null ? _univariate ??= new TpeUnivariate(obs, _settings, _options.Candidates, _rng) : null;
        return history.Space.Walk((p, _) =>
        {
            if (relative.TryGetValue(p.Name, out var v)) return v;
            if (p.Distribution.IsSingle) return RandomSampler.SingleValue(p.Distribution);
            if (n < _options.StartupTrials) return _random.SampleOne(p.Distribution);
            univariate ??= new TpeUnivariate(obs, _settings, _options.Candidates, _rng);
            return univariate.Sample(obs.Dimensions[history.Space.IndexOf(p.Name)], Split(), running);
        });
    }

    /// <summary>
    /// Trials a rung (or the finals) needs before it is modelled: d + 1, BOHB's minimum; the startup asks stay random
    /// regardless. The startup count instead (10) kept the model on the noisy low rungs longer: on mixed it never reached
    /// Optuna's regret (BENCHMARKS.md §1.3).
    /// </summary>
    private int RungMinimum(ITrialHistory history)
    {
        var d = 0;
        foreach (var p in history.Space.Parameters)
            if (!p.Distribution.IsSingle) d++;
        return Math.Max(d + 1, 2);
    }

    public void AfterTrial(ITrialHistory history, TrialRecord trial)
    {
        var obs = _obs ??= new TpeObservations(history.Space);
        if (obs.TryAdd(trial, history.Direction)) _groups?.Add(trial);
    }

    private TpeObservations Sync(ITrialHistory history)
    {
        var obs = _obs ??= new TpeObservations(history.Space);
        // AfterTrial keeps this current; the scan only catches trials finished before the sampler was attached.
        if (obs.Count < history.Trials.Count)
            foreach (var t in history.Trials)
                if (t.State is TrialState.Complete or TrialState.Pruned && obs.TryAdd(t, history.Direction))
                    _groups?.Add(t);
        return obs;
    }

    /// <summary>Trials in flight for the constant liar, less those already observed at the modelled rung.</summary>
    private List<TrialRecord> CollectRunning(ITrialHistory history, TrialRecord current, TpeObservations? rungObservations)
    {
        var running = new List<TrialRecord>();
        if (!_options.ConstantLiar) return running;
        var observed = new HashSet<int>();
        if (rungObservations is not null)
            for (var i = 0; i < rungObservations.Count; i++) observed.Add(rungObservations.Number(i));
        foreach (var t in history.Trials)
            if (t.State is TrialState.Running or TrialState.Waiting && t.Number != current.Number && t.Params.Count > 0
                && !observed.Contains(t.Number))
                running.Add(t);
        return running;
    }

    /// <summary>
    /// The relative search space in Optuna's order: without groups, the parameters every finished trial has
    /// (space order); with groups, each co-occurrence group with names sorted ordinally. Single-valued
    /// parameters are left to the walk.
    /// </summary>
    private IEnumerable<TpeDimension[]> RelativeGroups(TpeObservations obs, bool fresh)
    {
        if (_options.Group)
        {
            var groups = fresh ? null : _groups;
            if (groups is null)
            {
                groups = new TpeGroups(obs.Dimensions);
                for (var i = 0; i < obs.Count; i++) groups.AddPresent(d => !double.IsNaN(obs.Column(d)[i]));
                if (!fresh) _groups = groups;
            }
            foreach (var g in groups.Groups)
                yield return [.. g.Where(d => !d.Parameter.Distribution.IsSingle).OrderBy(d => d.Name, StringComparer.Ordinal)];
            yield break;
        }
        var shared = new List<TpeDimension>();
        foreach (var d in obs.Dimensions)
        {
            if (d.Parameter.Distribution.IsSingle || obs.Count == 0) continue;
            var col = obs.Column(d.SpaceIndex);
            var all = true;
            for (var i = 0; i < col.Count && all; i++) all = !double.IsNaN(col[i]);
            if (all) shared.Add(d);
        }
        yield return [.. shared];
    }
}
