namespace Sweep.SearchSpaces.Pruners;

/// <summary>Options of the median pruner (Optuna's MedianPruner semantics).</summary>
public sealed record MedianPrunerOptions
{
    /// <summary>No pruning until this many trials are Complete. Default: 5.</summary>
    public int StartupTrials { get; init; } = 5;

    /// <summary>No pruning of a trial before this step. Default: 0.</summary>
    public int WarmupSteps { get; init; }

    /// <summary>Check only every this many steps after the warm-up. Default: 1.</summary>
    public int IntervalSteps { get; init; } = 1;

    /// <summary>At least this many trials must have reported at the step. Default: 1.</summary>
    public int MinTrials { get; init; } = 1;

    public string? Validate() =>
        StartupTrials < 0 ? $"pruner.startupTrials must be >= 0 (got {StartupTrials})"
        : WarmupSteps < 0 ? $"pruner.warmupSteps must be >= 0 (got {WarmupSteps})"
        : IntervalSteps < 1 ? $"pruner.interval must be >= 1 (got {IntervalSteps})"
        : MinTrials < 1 ? $"pruner.minTrials must be >= 1 (got {MinTrials})"
        : null;
}
