namespace Sweep.SearchSpaces.Specs;

/// <summary>The spec's <c>sampler.type</c>.</summary>
public enum SamplerKind
{
    Tpe,
    Random,
    Grid,
    Qmc,
}
