using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class SobolSamplerContract : SamplerContract
{
    protected override ISampler Create(SearchSpace space, int seed) => new QmcSampler(new QmcOptions { Seed = seed, Sequence = QmcSequence.Sobol });
}
