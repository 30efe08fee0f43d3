using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;

namespace Sweep.SearchSpaces.Specs;

/// <summary>The one mapping from a spec's <c>sampler:</c> section to a sampler instance; the spec's seed wins over the options'.</summary>
public static class SamplerFactory
{
    public static ISampler Create(SamplerSpec spec) => spec.Kind switch
    {
        SamplerKind.Tpe => new TpeSampler((spec.Tpe ?? new TpeOptions()) with { Seed = spec.Seed }),
        SamplerKind.Random => new RandomSampler(spec.Seed),
        SamplerKind.Grid => new GridSampler((spec.Grid ?? new GridOptions()) with { Seed = spec.Seed }),
        SamplerKind.Qmc => new QmcSampler((spec.Qmc ?? new QmcOptions()) with { Seed = spec.Seed }),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown sampler kind"),
    };
}
