namespace Sweep.SearchSpaces.Specs;

/// <summary>The spec's <c>pruner.type</c>.</summary>
public enum PrunerKind
{
    None,
    Median,
    Asha,
    Hyperband,
}
