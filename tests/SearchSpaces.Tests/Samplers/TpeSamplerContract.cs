using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

/// <summary>The default TPE (independent, constant liar) under the sampler contract; few startup trials so the model path runs.</summary>
public sealed class TpeSamplerContract : SamplerContract
{
    protected override ISampler Create(SearchSpace space, int seed) =>
        new TpeSampler(new TpeOptions { Seed = seed, StartupTrials = 4 });
}
