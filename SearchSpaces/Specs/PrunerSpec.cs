using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Specs;

/// <summary>Which pruner a sweep uses, with the options of that type (the others stay null). Default: none.</summary>
public sealed record PrunerSpec(PrunerKind Kind)
{
    public static PrunerSpec None { get; } = new(PrunerKind.None);

    /// <summary>
    /// What the pruner counts (<c>pruner.resource</c>), and the unit of its resource and warm-up options. Default:
    /// epoch for <c>trial.method</c>, step for a command or a function.
    /// </summary>
    public ResourceUnit Resource { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="PrunerKind.Median"/>.</summary>
    public MedianPrunerOptions? Median { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="PrunerKind.Asha"/>.</summary>
    public AshaOptions? Asha { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="PrunerKind.Hyperband"/>.</summary>
    public HyperbandOptions? Hyperband { get; init; }
}
