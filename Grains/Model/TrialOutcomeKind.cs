namespace Sweep.Grains.Model;

/// <summary>How an attempt ended, as the runner saw it.</summary>
[GenerateSerializer]
public enum TrialOutcomeKind
{
    /// <summary>A complete result carrying the metric.</summary>
    Complete = 0,
    /// <summary>Killed because the sweep answered Prune.</summary>
    Pruned = 1,
    /// <summary>A result with status failed, a protocol error, or a missing metric: deterministic, not retried.</summary>
    Failed = 2,
    /// <summary>The process died (signal, non-zero exit, no result line): retried up to budget.maxRetries.</summary>
    Crashed = 3,
    /// <summary>Killed because the sweep answered Kill (cancel, pause).</summary>
    Killed = 4,
}
