using Sweep.SearchSpaces.Samplers.Qmc;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class SobolSequenceTests
{
    [Fact]
    public void Unscrambled_points_match_the_reference_sequence()
    {
        // SciPy's Sobol(d=2, scramble=False) gives these eight points (Gray-code order, same set per 2^k prefix).
        double[][] expected = [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625]];
        var sobol = new SobolSequence(2, scrambleSeed: null);
        var actual = Enumerable.Range(0, 8).Select(i => sobol.Point(i)).ToList();
        Assert.Equal(expected.Select(Key).Order(), actual.Select(Key).Order());
        Assert.Equal([0.0, 0.0], actual[0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(17)]
    [InlineData(2026)]
    public void Every_dimension_puts_one_of_the_first_2_to_the_k_points_in_each_dyadic_interval(int? seed)
    {
        var sobol = new SobolSequence(SobolSequence.MaxDimensions, seed);
        const int k = 9;
        var points = Enumerable.Range(0, 1 << k).Select(i => sobol.Point(i)).ToList();
        for (var d = 0; d < sobol.Dimensions; d++)
        {
            var cells = points.Select(p => (int)(p[d] * (1 << k))).ToHashSet();
            Assert.True(cells.Count == 1 << k, $"dimension {d + 1}: {cells.Count} of {1 << k} intervals hit");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(5)]
    public void The_first_two_dimensions_hit_every_elementary_interval_exactly_once(int? seed)
    {
        var sobol = new SobolSequence(2, seed);
        for (var k = 1; k <= 10; k++)
        {
            var points = Enumerable.Range(0, 1 << k).Select(i => sobol.Point(i)).ToList();
            Assert.Null(Discrepancy.FirstUnevenElementaryInterval(points, 0, 1, k));
        }
    }

    [Fact]
    public void Star_discrepancy_of_256_points_is_far_below_random()
    {
        var sobol = new SobolSequence(2, scrambleSeed: 9);
        var qmc = Discrepancy.Star2D([.. Enumerable.Range(0, 256).Select(i => sobol.Point(i))]);
        var random = Enumerable.Range(1, 5).Select(seed =>
        {
            var rng = new Random(seed);
            return Discrepancy.Star2D([.. Enumerable.Range(0, 256).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() })]);
        }).Min();
        Assert.True(qmc < random / 2, $"Sobol D* = {qmc}, best of 5 random D* = {random}");
    }

    [Fact]
    public void Scrambling_is_seeded()
    {
        var a = new SobolSequence(4, 1).Point(5);
        Assert.Equal(a, new SobolSequence(4, 1).Point(5));
        Assert.NotEqual(a, new SobolSequence(4, 2).Point(5));
        Assert.DoesNotContain(0.0, new SobolSequence(4, 1).Point(0));
    }

    private static string Key(double[] p) => string.Join(",", p.Select(v => v.ToString("R")));
}
