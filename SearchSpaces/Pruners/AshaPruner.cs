namespace Sweep.SearchSpaces.Pruners;

/// <summary>
/// Asynchronous successive halving. Rungs sit at minResource·η^(s+k) below the max resource (<see cref="AshaOptions.MaxResource"/>,
/// else the study's <see cref="ITrialHistory.MaxSteps"/>, else unbounded as in Optuna); a trial past the last rung runs to its end.
/// <list type="bullet">
/// <item>Caller cannot pause: Optuna 3.1's <c>SuccessiveHalvingPruner</c> rule. On reaching a rung a trial continues only if it
/// is in the top ⌊n/η⌋ of the n trials that reached that rung so far (itself included, ties continue); while n &lt; η it must be
/// the best so far. Otherwise it is pruned.</item>
/// <item>Caller can pause: ASHA with promotions. A trial not (yet) in the top ⌊n/η⌋ pauses instead. <see cref="Promotions"/>
/// returns waiting trials that have entered the top ⌊n/η⌋ of their rung as more trials arrived, highest rung first, best value
/// first; when none qualifies and no trial is running, the best waiting trial of each rung with fewer than η arrivals.
/// Anything else stays waiting; the caller ends the study by telling those trials pruned.</item>
/// </list>
/// <see cref="AshaOptions.MinResource"/> null: max(maxResource / 100, 1) when the max resource is known, else Optuna's
/// estimate max(last step of Complete trials / 100, 1), fixed at the first Complete trial (no pruning before it).
/// </summary>
public sealed class AshaPruner : IPruner
{
    private readonly AshaOptions _options;
    private int? _learnedMinResource;

    public AshaPruner(AshaOptions? options = null)
    {
        _options = options ?? new AshaOptions();
        if (_options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
    }

    public string Name => "successive_halving";

    public PruneDecision Decide(ITrialHistory history, TrialRecord trial) =>
        Ladder(history) is { } ladder ? ladder.Decide(history, trial) : PruneDecision.Continue;

    public IReadOnlyList<int> Promotions(ITrialHistory history) =>
        history.SupportsPause && Ladder(history) is { } ladder ? Promotion.Select(history, [ladder]) : [];

    public IReadOnlyList<long> RungSteps(ITrialHistory history) => Ladder(history)?.Steps() ?? [];

    private RungLadder? Ladder(ITrialHistory history)
    {
        var max = _options.MaxResource ?? history.MaxSteps;
        var min = _options.MinResource ?? (max is { } m ? Math.Max(m / 100, 1) : LearnMinResource(history));
        return min is { } resource
            ? new RungLadder(resource, _options.ReductionFactor, _options.MinEarlyStoppingRate, max, static _ => true)
            : null;
    }

    /// <summary>Optuna's <c>_estimate_min_resource</c>, cached like Optuna so rungs do not move once trials are judged.</summary>
    private int? LearnMinResource(ITrialHistory history)
    {
        if (_learnedMinResource is null)
        {
            var lastSteps = history.Trials
                .Where(t => t.State == TrialState.Complete && t.LastStep is not null)
                .Select(t => t.LastStep!.Value)
                .ToList();
            if (lastSteps.Count > 0) _learnedMinResource = Math.Max(lastSteps.Max() / 100, 1);
        }
        return _learnedMinResource;
    }
}
