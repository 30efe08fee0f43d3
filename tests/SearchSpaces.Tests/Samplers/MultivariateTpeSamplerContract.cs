using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

/// <summary>Multivariate + group TPE under the sampler contract (conditional spaces go through the group split).</summary>
public sealed class MultivariateTpeSamplerContract : SamplerContract
{
    protected override ISampler Create(SearchSpace space, int seed) =>
        new TpeSampler(new TpeOptions { Seed = seed, StartupTrials = 4, Multivariate = true, Group = true });
}
