using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class QmcSamplerTests
{
    [Fact]
    public void Unscrambled_sobol_maps_points_through_the_transform()
    {
        var space = new SearchSpace([
            new("x", new FloatDistribution(0, 8)),
            new("c", new CategoricalDistribution(["a", "b", "c", "d"])),
        ]);
        var study = new Study(space, StudyDirection.Minimize, new QmcSampler(new QmcOptions { Scramble = false }));
        var asked = Enumerable.Range(0, 4).Select(_ => study.Ask()).ToList();
        // Natural index order: x = 8·(0, ½, ¼, ¾), c = ⌊4·(0, ½, ¾, ¼)⌋.
        Assert.Equal([0.0, 4, 2, 6], asked.Select(t => t.Params["x"]));
        Assert.Equal([0.0, 2, 3, 1], asked.Select(t => t.Params["c"]));
    }

    [Fact]
    public void Sobol_refuses_more_dimensions_than_its_table_and_halton_does_not()
    {
        var space = new SearchSpace(Enumerable.Range(0, 60).Select(i => new Parameter($"p{i}", new FloatDistribution(0, 1))));
        var sobol = new Study(space, StudyDirection.Minimize, new QmcSampler(new QmcOptions { Seed = 1 }));
        Assert.Contains("use halton", Assert.Throws<ArgumentException>(() => sobol.Ask()).Message);
        var halton = new Study(space, StudyDirection.Minimize, new QmcSampler(new QmcOptions { Seed = 1, Sequence = QmcSequence.Halton }));
        Assert.Equal(60, halton.Ask().Params.Count);
    }

    [Fact]
    public void Categorical_choices_are_equally_frequent_over_a_power_of_two_prefix()
    {
        var space = new SearchSpace([new("c", new CategoricalDistribution(["a", "b", "c", "d"]))]);
        var study = new Study(space, StudyDirection.Minimize, new QmcSampler(new QmcOptions { Seed = 12 }));
        var counts = Enumerable.Range(0, 64).Select(_ => study.Ask().Params["c"]).GroupBy(v => v).Select(g => g.Count());
        Assert.All(counts, c => Assert.Equal(16, c));
    }
}
