namespace Sweep.SearchSpaces.Pruners;

/// <summary>Options of the Hyperband pruner (brackets of successive halving).</summary>
public sealed record HyperbandOptions
{
    /// <summary>Resource of the first rung of the most aggressive bracket. Default: 1.</summary>
    public int MinResource { get; init; } = 1;

    /// <summary>The most steps a trial runs; null = the study's max-steps hint, else learned from completed trials. Default: null.</summary>
    public int? MaxResource { get; init; }

    /// <summary>Reduction factor η. Default: 3.</summary>
    public int ReductionFactor { get; init; } = 3;

    public string? Validate() =>
        MinResource < 1 ? $"pruner.minResource must be >= 1 (got {MinResource})"
        : ReductionFactor < 2 ? $"pruner.reductionFactor must be >= 2 (got {ReductionFactor})"
        : MaxResource is { } m && m < MinResource ? $"pruner.maxResource must be >= pruner.minResource (got {m} < {MinResource})"
        : null;
}
