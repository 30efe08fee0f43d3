using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class GridSamplerContract : SamplerContract
{
    protected override ISampler Create(SearchSpace space, int seed) => new GridSampler(new GridOptions { Seed = seed });

    // Row-major order ignores the seed.
    protected override bool IsStochastic => false;
}
