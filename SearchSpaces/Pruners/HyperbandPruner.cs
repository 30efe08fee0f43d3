namespace Sweep.SearchSpaces.Pruners;

/// <summary>
/// Hyperband as asynchronous successive halving per bracket (Optuna 3.1's layout): bracket b prunes at rungs
/// minResource·η^(b+k) below the max resource, comparing a trial only with trials of its own bracket, and stops or pauses
/// exactly like <see cref="AshaPruner"/>. Unlike Optuna, the sampler is not split by bracket: each trial's bracket is set on
/// <see cref="TrialRecord.Bracket"/> when it is created and the sampler sees every trial. Max resource:
/// <see cref="HyperbandOptions.MaxResource"/>, else the study's <see cref="ITrialHistory.MaxSteps"/>, else Optuna's "auto"
/// (last step of the first Complete trials + 1, fixed once known; no bracket and no pruning before).
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly HyperbandOptions _options;
    private int? _maxResource;
    private BracketSchedule? _schedule;
    private RungLadder[] _ladders = [];

    public HyperbandPruner(HyperbandOptions? options = null)
    {
        _options = options ?? new HyperbandOptions();
        if (_options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
    }

    public string Name => "hyperband";

    public void OnTrialCreated(ITrialHistory history, TrialRecord trial)
    {
        if (Schedule(history) is { } schedule) trial.Bracket = schedule.BracketOf(trial.Number);
    }

    public PruneDecision Decide(ITrialHistory history, TrialRecord trial)
    {
        if (Schedule(history) is not { } schedule) return PruneDecision.Continue;
        var bracket = schedule.BracketOf(trial.Number);
        // Trials asked before the max resource was learned get their bracket at their first report after that.
        trial.Bracket ??= bracket;
        return _ladders[bracket].Decide(history, trial);
    }

    public IReadOnlyList<int> Promotions(ITrialHistory history) =>
        history.SupportsPause && Schedule(history) is not null ? Promotion.Select(history, _ladders) : [];

    /// <summary>Every bracket's rungs: all lie on the same minResource·η^k ladder, bracket 0 holds them all.</summary>
    public IReadOnlyList<long> RungSteps(ITrialHistory history) =>
        Schedule(history) is not null && _ladders.Length > 0 ? _ladders[0].Steps() : [];

    private BracketSchedule? Schedule(ITrialHistory history)
    {
        if (_schedule is not null) return _schedule;
        _maxResource ??= _options.MaxResource ?? history.MaxSteps ?? LearnMaxResource(history);
        if (_maxResource is not { } max) return null;
        var schedule = new BracketSchedule(_options.MinResource, max, _options.ReductionFactor);
        _ladders = Enumerable.Range(0, schedule.Count)
            .Select(b => new RungLadder(_options.MinResource, _options.ReductionFactor, b, max,
                t => schedule.BracketOf(t.Number) == b))
            .ToArray();
        _schedule = schedule;
        return schedule;
    }

    /// <summary>Optuna's "auto": steps are assumed to start at 0, so the resource is the last step + 1.</summary>
    private static int? LearnMaxResource(ITrialHistory history)
    {
        var lastSteps = history.Trials
            .Where(t => t.State == TrialState.Complete && t.LastStep is not null)
            .Select(t => t.LastStep!.Value)
            .ToList();
        return lastSteps.Count > 0 ? lastSteps.Max() + 1 : null;
    }

    /// <summary>The bracket schedule once the max resource is known (for tests and reports).</summary>
    internal BracketSchedule? ScheduleFor(ITrialHistory history) => Schedule(history);
}
