using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class ShuffledGridSamplerContract : SamplerContract
{
    protected override ISampler Create(SearchSpace space, int seed) => new GridSampler(new GridOptions { Seed = seed, Shuffle = true });
}
