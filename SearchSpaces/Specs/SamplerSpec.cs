using Sweep.SearchSpaces.Samplers;

namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// Which sampler a sweep uses, with the options of that type (the others stay null). Default: TPE with
/// <see cref="TpeOptions"/> defaults and a drawn seed.
/// </summary>
public sealed record SamplerSpec(SamplerKind Kind, int? Seed)
{
    public static SamplerSpec Default { get; } = new(SamplerKind.Tpe, null) { Tpe = new TpeOptions() };

    /// <summary>Set when <see cref="Kind"/> is <see cref="SamplerKind.Tpe"/>.</summary>
    public TpeOptions? Tpe { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="SamplerKind.Grid"/>.</summary>
    public GridOptions? Grid { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="SamplerKind.Qmc"/>.</summary>
    public QmcOptions? Qmc { get; init; }
}
