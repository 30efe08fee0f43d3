using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces;

/// <summary>
/// Owns ask / report / tell for one search, and enforces the trial lifecycle:
/// Running → Complete | Pruned | Fail, with Running ⇄ Waiting for pruners that pause. Not thread-safe:
/// one caller (a grain, the ask/tell server) drives it.
/// </summary>
public sealed class Study : ITrialHistory
{
    private readonly List<TrialRecord> _trials = [];
    private TrialRecord? _best;

    public Study(SearchSpace space, StudyDirection direction, ISampler sampler, IPruner? pruner = null, StudyOptions? options = null)
    {
        Space = space;
        Direction = direction;
        Sampler = sampler;
        Pruner = pruner ?? new NopPruner();
        Options = options ?? new StudyOptions();
    }

    public SearchSpace Space { get; }
    public StudyDirection Direction { get; }
    public ISampler Sampler { get; }
    public IPruner Pruner { get; }
    public StudyOptions Options { get; }
    public IReadOnlyList<TrialRecord> Trials => _trials;
    public bool SupportsPause => Options.SupportsPause;
    public int? MaxSteps => Options.MaxSteps;
    public IReadOnlyList<long> RungSteps => Pruner.RungSteps(this);

    /// <summary>The best Complete trial (lowest number among equals), or null.</summary>
    public TrialRecord? BestTrial => _best;

    /// <summary>Creates a trial and samples its configuration.</summary>
    public TrialRecord Ask()
    {
        var trial = new TrialRecord(_trials.Count);
        _trials.Add(trial);
        Pruner.OnTrialCreated(this, trial);
        var config = Sampler.Sample(this, trial);
        if (IsEnqueued(trial.Number)) config = WithFixed(Options.Enqueued[trial.Number], config, trial.Number);
        if (Space.Validate(config) is { } problem)
            throw new InvalidOperationException($"sampler '{Sampler.Name}' proposed an invalid configuration for trial {trial.Number}: {problem}");
        trial.SetParams(config);
        return trial;
    }

    /// <summary>
    /// Re-creates a trial from durable state (an engine restarting a sweep): the next number, its parameters, its
    /// intermediate values and, when finished, its outcome. Samplers see it exactly as if it had been asked and told.
    /// </summary>
    public TrialRecord Import(IReadOnlyDictionary<string, double> parameters, IEnumerable<KeyValuePair<int, double>> intermediate,
                              TrialState state, double? value, string? error = null)
    {
        if (Space.Validate(parameters) is { } problem)
            throw new StudyException($"imported trial {_trials.Count}: {problem}");
        var trial = new TrialRecord(_trials.Count);
        _trials.Add(trial);
        Pruner.OnTrialCreated(this, trial);
        trial.SetParams(parameters);
        foreach (var (step, v) in intermediate) trial.SetIntermediate(step, v);
        switch (state)
        {
            case TrialState.Complete when value is { } v && double.IsFinite(v):
                trial.Value = v;
                Finish(trial, TrialState.Complete, null);
                if (_best is null || IsBetter(v, _best.Value!.Value)) _best = trial;
                break;
            case TrialState.Complete:
                throw new StudyException($"imported trial {trial.Number} is complete without a finite value");
            case TrialState.Pruned or TrialState.Failed:
                Finish(trial, state, error);
                break;
        }
        return trial;
    }

    /// <summary>True when trial <paramref name="number"/> runs an enqueued configuration (<see cref="StudyOptions.Enqueued"/>).</summary>
    public bool IsEnqueued(int number) => number >= 0 && number < Options.Enqueued.Length;

    /// <summary>
    /// The sampler's proposal with the fixed values put in. A fixed parent can switch on a parameter the sampler left
    /// out: that one is drawn uniformly, seeded by the trial number (so a replay draws the same).
    /// </summary>
    private IReadOnlyDictionary<string, double> WithFixed(IReadOnlyDictionary<string, double> fix, IReadOnlyDictionary<string, double> sampled, int number)
    {
        Samplers.RandomSampler? fallback = null;
        return Space.Walk((p, _) => fix.TryGetValue(p.Name, out var v) ? v
            : sampled.TryGetValue(p.Name, out var s) ? s
            : (fallback ??= new Samplers.RandomSampler(number)).SampleOne(p.Distribution));
    }

    /// <summary>Records an intermediate value and returns the pruner's decision. A Pause moves the trial to Waiting.</summary>
    public PruneDecision Report(int number, int step, double value)
    {
        var trial = Get(number);
        if (trial.State != TrialState.Running)
            throw new StudyException($"trial {number} is {trial.State.ToString().ToLowerInvariant()}, so it cannot report");
        if (step < 0)
            throw new StudyException($"step must be >= 0, got {step}");
        if (trial.LastStep is { } last && step <= last)
            throw new StudyException($"trial {number} already reported step {last}; steps must increase (got {step})");
        trial.SetIntermediate(step, value);
        var decision = Pruner.Decide(this, trial);
        if (decision == PruneDecision.Pause)
        {
            if (!SupportsPause)
                throw new InvalidOperationException($"pruner '{Pruner.Name}' paused trial {number} but pausing is not supported");
            trial.State = TrialState.Waiting;
        }
        return decision;
    }

    /// <summary>Paused trials that the pruner now promotes; each must be <see cref="Resume"/>d by the caller.</summary>
    public IReadOnlyList<int> Promotions() => SupportsPause ? Pruner.Promotions(this) : [];

    /// <summary>Moves a Waiting trial back to Running.</summary>
    public void Resume(int number)
    {
        var trial = Get(number);
        if (trial.State != TrialState.Waiting)
            throw new StudyException($"trial {number} is {trial.State.ToString().ToLowerInvariant()}, not waiting, so it cannot resume");
        trial.State = TrialState.Running;
    }

    /// <summary>Finishes a trial with its objective value; a NaN or infinite value fails it instead.</summary>
    public void Tell(int number, double value)
    {
        var trial = GetUnfinished(number);
        if (!double.IsFinite(value))
        {
            Finish(trial, TrialState.Failed, $"objective value is {value}");
            return;
        }
        trial.Value = value;
        Finish(trial, TrialState.Complete, null);
        if (_best is null || IsBetter(value, _best.Value!.Value)) _best = trial;
    }

    public void TellPruned(int number) => Finish(GetUnfinished(number), TrialState.Pruned, null);

    public void TellFailed(int number, string? error) => Finish(GetUnfinished(number), TrialState.Failed, error);

    /// <summary>True when <paramref name="a"/> is strictly better than <paramref name="b"/> in this study's direction.</summary>
    public bool IsBetter(double a, double b) => Direction == StudyDirection.Minimize ? a < b : a > b;

    public TrialRecord Get(int number) =>
        number >= 0 && number < _trials.Count ? _trials[number] : throw new StudyException($"unknown trial {number}");

    private TrialRecord GetUnfinished(int number)
    {
        var trial = Get(number);
        if (trial.IsFinished)
            throw new StudyException($"trial {number} is already finished ({trial.State.ToString().ToLowerInvariant()})");
        return trial;
    }

    private void Finish(TrialRecord trial, TrialState state, string? error)
    {
        trial.State = state;
        trial.Error = error;
        Sampler.AfterTrial(this, trial);
    }
}
