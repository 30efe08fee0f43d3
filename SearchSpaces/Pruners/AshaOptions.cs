namespace Sweep.SearchSpaces.Pruners;

/// <summary>Options of asynchronous successive halving (ASHA).</summary>
public sealed record AshaOptions
{
    /// <summary>Resource (steps) of the first rung; null = auto: max(max resource / 100, 1) when the max resource is known, else Optuna's max(last step of the first completed trials / 100, 1). Default: null.</summary>
    public int? MinResource { get; init; }

    /// <summary>Reduction factor η: 1/η of the trials at a rung go on. Default: 4.</summary>
    public int ReductionFactor { get; init; } = 4;

    /// <summary>Skips the first s rungs (rungs at min_resource·η^(s+k)). Default: 0.</summary>
    public int MinEarlyStoppingRate { get; init; }

    /// <summary>The most steps a trial runs; null = the study's max-steps hint. Default: null.</summary>
    public int? MaxResource { get; init; }

    public string? Validate() =>
        MinResource is < 1 ? $"pruner.minResource must be >= 1 (got {MinResource})"
        : ReductionFactor < 2 ? $"pruner.reductionFactor must be >= 2 (got {ReductionFactor})"
        : MinEarlyStoppingRate < 0 ? $"pruner.minEarlyStoppingRate must be >= 0 (got {MinEarlyStoppingRate})"
        : MaxResource is { } m && MinResource is { } n && m < n ? $"pruner.maxResource must be >= pruner.minResource (got {m} < {n})"
        : null;
}
