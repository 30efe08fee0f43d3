using Sweep.SearchSpaces.Samplers.Qmc;

namespace Sweep.SearchSpaces.Tests.Samplers;

public sealed class HaltonSequenceTests
{
    [Fact]
    public void Unscrambled_points_are_radical_inverses_in_the_first_primes()
    {
        Assert.Equal([2, 3, 5, 7, 11, 13, 17, 19, 23, 29], HaltonSequence.Primes(10));
        var halton = new HaltonSequence(2, scrambleSeed: null);
        Assert.Equal([0.0, 0.0], halton.Point(0));
        Assert.Equal([0.5, 1 / 3.0], halton.Point(1));
        Assert.Equal([0.25, 2 / 3.0], halton.Point(2));
        Assert.Equal([0.75, 1 / 9.0], halton.Point(3));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(8)]
    public void The_first_b_to_the_k_points_stratify_each_dimension(int? seed)
    {
        var halton = new HaltonSequence(3, seed);
        foreach (var (dimension, b, k) in new[] { (0, 2, 8), (1, 3, 5), (2, 5, 3) })
        {
            var n = (int)Math.Pow(b, k);
            // j/3^k is not exact in binary, so nudge before truncating to the interval index.
            var cells = Enumerable.Range(0, n).Select(i => (int)(halton.Point(i)[dimension] * n + 1e-9)).ToHashSet();
            Assert.True(cells.Count == n, $"base {b}: {cells.Count} of {n} intervals hit");
        }
    }

    [Fact]
    public void Scrambled_star_discrepancy_of_256_points_is_far_below_random()
    {
        var halton = new HaltonSequence(2, scrambleSeed: 3);
        var qmc = Discrepancy.Star2D([.. Enumerable.Range(0, 256).Select(i => halton.Point(i))]);
        var random = Enumerable.Range(1, 5).Select(seed =>
        {
            var rng = new Random(seed);
            return Discrepancy.Star2D([.. Enumerable.Range(0, 256).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() })]);
        }).Min();
        Assert.True(qmc < random / 2, $"Halton D* = {qmc}, best of 5 random D* = {random}");
    }

    [Fact]
    public void Scrambling_is_seeded_and_stays_in_the_unit_interval()
    {
        var a = new HaltonSequence(6, 1);
        Assert.Equal(a.Point(7), new HaltonSequence(6, 1).Point(7));
        Assert.NotEqual(a.Point(7), new HaltonSequence(6, 2).Point(7));
        Assert.All(Enumerable.Range(0, 500).SelectMany(i => a.Point(i)), u => Assert.InRange(u, 0, 1 - 1e-16));
    }
}
