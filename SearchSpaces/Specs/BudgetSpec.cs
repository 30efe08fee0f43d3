namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// When a sweep stops and how wide it runs (Katib's maxTrialCount / parallelTrialCount / maxFailedTrialCount).
/// </summary>
/// <param name="MaxTrials">Trials to finish (complete, pruned or failed). Required, at least 1.</param>
/// <param name="ParallelTrials">Trials running at once, at most <paramref name="MaxTrials"/>. Default: 1.</param>
/// <param name="MaxFailedTrials">The sweep fails after this many failed trials; null = no limit. Default: null.</param>
/// <param name="Timeout">Wall-clock limit of the sweep; null = none. Default: null.</param>
/// <param name="MaxRetries">Re-runs of a trial whose process died (same parameters) before it counts as failed. Default: 0.</param>
public sealed record BudgetSpec(int MaxTrials, int ParallelTrials = 1, int? MaxFailedTrials = null, TimeSpan? Timeout = null, int MaxRetries = 0)
{
    /// <summary>The <c>budget.drainGrace</c> default.</summary>
    public static readonly TimeSpan DefaultDrainGrace = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Once <see cref="Timeout"/> is reached the sweep starts no trial; trials still running this long after are stopped
    /// and fail (<c>budget.drainGrace</c>). Default: 5 minutes.
    /// </summary>
    public TimeSpan DrainGrace { get; init; } = DefaultDrainGrace;

    /// <summary>
    /// Known configurations that run first, in order, as trials 0, 1, … (<c>budget.enqueue</c>, Optuna's
    /// <c>enqueue_trial</c>): internal values (choice index for categoricals) of the parameters each one fixes; the
    /// others are sampled. They count in <see cref="MaxTrials"/>. Default: none.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableSortedDictionary<string, double>> Enqueue { get; init; } = [];

    /// <summary><c>budget.reevaluate</c>; null (the default): the sweep ranks single runs.</summary>
    public ReevaluateSpec? Reevaluate { get; init; }
}
