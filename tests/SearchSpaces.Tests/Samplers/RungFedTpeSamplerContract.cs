using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

/// <summary>
/// Rung-fed TPE (<c>fidelity: rungs</c>) with ASHA under the sampler contract. The contract's histories have few rung
/// values, so this mostly checks the fallback to finals; TpeRungFidelityTests drive the rung path itself.
/// </summary>
public sealed class RungFedTpeSamplerContract : SamplerContract
{
    protected override ISampler Create(SearchSpace space, int seed) =>
        new TpeSampler(new TpeOptions { Seed = seed, StartupTrials = 4, Fidelity = TpeFidelity.Rungs });

    protected override IPruner CreatePruner() => new AshaPruner(new AshaOptions { MinResource = 1, ReductionFactor = 2, MaxResource = 4 });
}
