using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class RandomSamplerContract : SamplerContract
{
    protected override ISampler Create(SearchSpace space, int seed) => new RandomSampler(seed);
}
