using Sweep.Orchestrator.Functions;
using System.Collections.Immutable;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Tpe;

public sealed class TpeParallelAndGroupTests
{
    private static readonly SearchSpace Branin = new([
        new Parameter("x1", new FloatDistribution(-5, 10)), new Parameter("x2", new FloatDistribution(0, 15))]);

    private static double BraninValue(IReadOnlyDictionary<string, double> p) => BenchmarkFormulas.Branin(p["x1"], p["x2"]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Constant_liar_spreads_a_batch_of_asks_made_before_any_tell(bool multivariate)
    {
        var study = new Study(Branin, StudyDirection.Minimize, new TpeSampler(new TpeOptions { Seed = 3, Multivariate = multivariate }));
        for (var i = 0; i < 20; i++) { var t = study.Ask(); study.Tell(t.Number, BraninValue(t.Params)); }
        var batch = Enumerable.Range(0, 8).Select(_ => study.Ask()).ToList();
        var points = batch.Select(t => (t.Params["x1"], t.Params["x2"])).ToList();
        Assert.Equal(points.Count, points.Distinct().Count());
        // Without the liar every ask of the batch sees the same history and the same model; with it each
        // in-flight trial joins g(x), so later asks differ from what the first one would have repeated.
        var noLiar = new Study(Branin, StudyDirection.Minimize, new TpeSampler(new TpeOptions { Seed = 3, Multivariate = multivariate, ConstantLiar = false }));
        for (var i = 0; i < 20; i++) { var t = noLiar.Ask(); noLiar.Tell(t.Number, BraninValue(t.Params)); }
        var plain = Enumerable.Range(0, 8).Select(_ => noLiar.Ask()).Select(t => (t.Params["x1"], t.Params["x2"])).ToList();
        Assert.Equal(plain[0], points[0]);
        Assert.NotEqual(plain.Skip(1), points.Skip(1));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Conditional_space_gets_exactly_the_active_parameters(bool multivariate, bool group)
    {
        var space = new SearchSpace([
            new Parameter("method", new CategoricalDistribution(["kt", "tmkt"])),
            new Parameter("lr", new FloatDistribution(1e-4, 1e-1, log: true)),
            new Parameter("tau", new FloatDistribution(0.1, 2), When("method", "tmkt")),
            new Parameter("k", new IntDistribution(1, 9, step: 2), When("method", "tmkt")),
            new Parameter("fixed", new IntDistribution(4, 4)),
        ]);
        var study = new Study(space, StudyDirection.Maximize,
            new TpeSampler(new TpeOptions { Seed = 9, Multivariate = multivariate, Group = group, StartupTrials = 5 }));
        var tmkt = 0;
        for (var i = 0; i < 40; i++)
        {
            var t = study.Ask(); // Study.Ask validates: active ⇔ present, values in their domains.
            var isT = t.Params["method"] == 1;
            Assert.Equal(isT, t.Params.ContainsKey("tau"));
            Assert.Equal(4, t.Params["fixed"]);
            tmkt += isT ? 1 : 0;
            study.Tell(t.Number, isT ? 1 - Math.Abs(t.Params["tau"] - 1) : 0.2 - Math.Abs(Math.Log10(t.Params["lr"]) + 2) * 0.1);
        }
        // tmkt scores up to 1 against kt's 0.2: the model should favour it after startup.
        Assert.True(tmkt > 25, $"tmkt chosen {tmkt} times of 40");
    }

    private static ParameterCondition When(string parent, string value) =>
        new(ImmutableDictionary<string, ImmutableArray<object?>>.Empty.Add(parent, [value]));
}
