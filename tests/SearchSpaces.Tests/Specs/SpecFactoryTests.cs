using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Specs;

/// <summary>A spec's sampler and pruner sections become working instances that drive a real study.</summary>
public sealed class SpecFactoryTests
{
    private static SweepSpec Spec(string sampler, string pruner) => SpecLoader.Parse($"""
        apiVersion: sweep/v1
        name: factory
        metric: {"{"} name: loss, goal: minimize {"}"}
        sampler: {sampler}
        pruner: {pruner}
        budget: {"{"} maxTrials: 20 {"}"}
        parameters:
          x: {"{"} type: float, low: -1, high: 1 {"}"}
          units: {"{"} type: int, low: 8, high: 256, log: true {"}"}
          opt: {"{"} type: categorical, choices: [sgd, adam] {"}"}
        trial: {"{"} command: ./train.sh {"}"}
        """, "factory.yaml");

    [Theory]
    [InlineData("{ type: tpe, seed: 3, startupTrials: 2 }", typeof(TpeSampler))]
    [InlineData("{ type: random, seed: 3 }", typeof(RandomSampler))]
    [InlineData("{ type: grid, seed: 3, shuffle: true }", typeof(GridSampler))]
    [InlineData("{ type: qmc, seed: 3, sequence: halton }", typeof(QmcSampler))]
    public void Every_sampler_kind_builds_and_is_reproducible_from_its_seed(string sampler, Type expected)
    {
        var spec = Spec(sampler, "{ type: none }");
        Assert.IsType(expected, SamplerFactory.Create(spec.Sampler));
        Assert.Equal(Run(spec), Run(spec));
    }

    [Theory]
    [InlineData("{ type: none }", typeof(NopPruner))]
    [InlineData("{ type: median, startupTrials: 1 }", typeof(MedianPruner))]
    [InlineData("{ type: asha, reductionFactor: 3 }", typeof(AshaPruner))]
    [InlineData("{ type: hyperband, maxResource: 9 }", typeof(HyperbandPruner))]
    public void Every_pruner_kind_builds(string pruner, Type expected) =>
        Assert.IsType(expected, PrunerFactory.Create(Spec("{ type: random, seed: 1 }", pruner).Pruner));

    private static string Run(SweepSpec spec)
    {
        var study = new Study(spec.Space, spec.Metric.Goal, SamplerFactory.Create(spec.Sampler), PrunerFactory.Create(spec.Pruner));
        var lines = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var t = study.Ask();
            lines.Add(string.Join(",", t.Params.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value:R}")));
            study.Tell(t.Number, t.Params["x"] * t.Params["x"]);
        }
        return string.Join("\n", lines);
    }
}
