using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Specs;

/// <summary>Which pruner a sweep uses, with the options of that type (the others stay null). Default: none.</summary>
public sealed record PrunerSpec(PrunerKind Kind)
{
    public static PrunerSpec None { get; } = new(PrunerKind.None);

    /// <summary>Set when <see cref="Kind"/> is <see cref="PrunerKind.Median"/>.</summary>
    public MedianPrunerOptions? Median { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="PrunerKind.Asha"/>.</summary>
    public AshaOptions? Asha { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="PrunerKind.Hyperband"/>.</summary>
    public HyperbandOptions? Hyperband { get; init; }
}
