using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Specs;

/// <summary><c>sampler.fidelity</c>: final by default, rungs only beside a pruner with rungs, anything else named where it is.</summary>
public sealed class TpeFidelitySpecTests
{
    private static string Spec(string sampler, string pruner) =>
        $"apiVersion: sweep/v1\nname: t1\nmetric: {{ name: loss, goal: minimize }}\nsampler: {sampler}\npruner: {pruner}\n" +
        "budget: { maxTrials: 4 }\nparameters:\n  x: { type: float, low: 0, high: 1 }\ntrial: { function: branin, steps: 27 }\n";

    [Fact]
    public void Reads_rungs_beside_asha_and_writes_it_back()
    {
        var spec = SpecLoader.Parse(Spec("{ type: tpe, fidelity: rungs }", "{ type: asha }").Replace("x: {", "x1: { type: float, low: -5, high: 10 }\n  x2: {", StringComparison.Ordinal), "spec.yaml");
        Assert.Equal(TpeFidelity.Rungs, spec.Sampler.Tpe!.Fidelity);
        Assert.Equal(TpeFidelity.Final, SamplerSpec.Default.Tpe!.Fidelity);
    }

    [Theory]
    [InlineData("{ type: tpe, fidelity: rungs }", "{ type: median }", "spec.yaml:4:23: sampler.fidelity is rungs, which models the pruner's rungs; it needs pruner.type asha or hyperband (got median)")]
    [InlineData("{ type: tpe, fidelity: best }", "{ type: asha }", "spec.yaml:4:33: sampler.fidelity must be one of final, rungs (got 'best')")]
    public void Refuses_a_fidelity_it_cannot_model(string sampler, string pruner, string error)
    {
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(Spec(sampler, pruner).Replace("x: {", "x1: { type: float, low: -5, high: 10 }\n  x2: {", StringComparison.Ordinal), "spec.yaml"));
        Assert.Equal(error, Assert.Single(e.Errors).ToString());
    }
}
