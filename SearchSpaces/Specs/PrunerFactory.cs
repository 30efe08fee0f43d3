using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Specs;

/// <summary>The one mapping from a spec's <c>pruner:</c> section to a pruner instance.</summary>
public static class PrunerFactory
{
    public static IPruner Create(PrunerSpec spec) => spec.Kind switch
    {
        PrunerKind.None => new NopPruner(),
        PrunerKind.Median => new MedianPruner(spec.Median ?? new MedianPrunerOptions()),
        PrunerKind.Asha => new AshaPruner(spec.Asha ?? new AshaOptions()),
        PrunerKind.Hyperband => new HyperbandPruner(spec.Hyperband ?? new HyperbandOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown pruner kind"),
    };
}
