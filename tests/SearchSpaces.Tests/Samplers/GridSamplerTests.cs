using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Grid;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class GridSamplerTests
{
    // a: 5 x values; b: 3 y × (shallow + 5 z); c: 3 y × (shallow + 5 z × 2 w).
    private const int ConditionalGridSize = 5 + 3 * (1 + 5) + 3 * (1 + 5 * 2);

    [Fact]
    public void Conditional_grid_is_every_valid_configuration_once()
    {
        var points = new GridPoints(ContractSpaces.Conditional(), new GridOptions());
        Assert.Equal(ConditionalGridSize, points.Count);
        var configs = Enumerable.Range(0, points.Count).Select(points.Config).ToList();
        Assert.All(configs, c => Assert.Null(ContractSpaces.Conditional().Validate(c)));
        Assert.Equal(points.Count, configs.Select(SamplerScript.Describe).Distinct().Count());
        Assert.All(Enumerable.Range(0, points.Count), i => Assert.Equal(i, points.IndexOf(configs[i])));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void In_flight_points_are_taken_and_a_full_pass_exhausts_the_grid(bool shuffle)
    {
        var sampler = new GridSampler(new GridOptions { Seed = 3, Shuffle = shuffle });
        var study = new Study(ContractSpaces.Conditional(), StudyDirection.Minimize, sampler);
        var pass = new List<TrialRecord>();
        for (var i = 0; i < ConditionalGridSize; i++)
        {
            Assert.False(sampler.IsExhausted);
            pass.Add(study.Ask());
        }
        Assert.True(sampler.IsExhausted);
        Assert.Equal(ConditionalGridSize, pass.Select(t => SamplerScript.Describe(t.Params)).Distinct().Count());
        foreach (var t in pass.Where(t => t.Number % 2 == 0)) study.TellFailed(t.Number, "failed trials count as visited");
        var again = study.Ask();
        Assert.Equal(SamplerScript.Describe(pass[0].Params), SamplerScript.Describe(again.Params));
    }

    [Fact]
    public void Row_major_order_varies_the_last_parameter_fastest_and_shuffle_permutes_it()
    {
        var space = new SearchSpace([new("a", new IntDistribution(0, 2)), new("b", new CategoricalDistribution(["p", "q"]))]);
        var rowMajor = Proposals(new GridSampler(), space, 6);
        Assert.Equal(["a=0, b=0", "a=0, b=1", "a=1, b=0", "a=1, b=1", "a=2, b=0", "a=2, b=1"], rowMajor);
        var shuffled = Proposals(new GridSampler(new GridOptions { Seed = 4, Shuffle = true }), space, 6);
        Assert.Equal(rowMajor.Order(), shuffled.Order());
        Assert.NotEqual(rowMajor, shuffled);
    }

    [Fact]
    public void A_new_sampler_continues_from_the_history()
    {
        var space = ContractSpaces.Mixed();
        var study = new Study(space, StudyDirection.Minimize, new GridSampler());
        for (var i = 0; i < 10; i++) study.Ask();
        var next = study.Ask();
        var restarted = new GridSampler().Sample(study, next);
        Assert.Equal(SamplerScript.Describe(next.Params), SamplerScript.Describe(restarted));
    }

    [Fact]
    public void Axes_follow_the_distribution()
    {
        var options = new GridOptions();
        Assert.Equal([4.0, 6, 8, 10, 12, 14, 16], GridAxis.Values(new IntDistribution(4, 17, step: 2), options));
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1], GridAxis.Values(new FloatDistribution(0, 1), options));
        var log = GridAxis.Values(new FloatDistribution(1e-4, 1, log: true), options);
        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1, 1], log.Select(v => Math.Round(v, 12)));
        // More grid points than MaxPointsPerAxis: PointsPerFloat log-spaced points, ends included.
        Assert.Equal([1.0, 6, 32, 181, 1024], GridAxis.Values(new IntDistribution(1, 1024, log: true), options));
        Assert.Equal([0.0, 250, 500, 750, 1000], GridAxis.Values(new IntDistribution(0, 1000), options));
        Assert.Equal(1001, GridAxis.Values(new IntDistribution(0, 1000), options with { MaxPointsPerAxis = 1001 }).Length);
        Assert.Equal([0.0, 1, 2], GridAxis.Values(new CategoricalDistribution(["x", "y", "z"]), options));
        Assert.Equal([2.5], GridAxis.Values(new FloatDistribution(2.5, 2.5), options));
    }

    [Fact]
    public void Oversized_grids_and_invalid_options_are_refused()
    {
        var huge = new SearchSpace(Enumerable.Range(0, 9).Select(i => new Parameter($"p{i}", new FloatDistribution(0, 1))));
        var e = Assert.Throws<ArgumentException>(() => new GridPoints(huge, new GridOptions()));
        Assert.Contains("sampler.pointsPerFloat", e.Message);
        Assert.Throws<ArgumentException>(() => new GridSampler(new GridOptions { PointsPerFloat = 1 }));
        Assert.Throws<ArgumentException>(() => new GridSampler(new GridOptions { MaxPointsPerAxis = 3 }));
    }

    private static List<string> Proposals(GridSampler sampler, SearchSpace space, int count)
    {
        var study = new Study(space, StudyDirection.Minimize, sampler);
        return [.. Enumerable.Range(0, count).Select(_ => SamplerScript.Describe(study.Ask().Params))];
    }
}
