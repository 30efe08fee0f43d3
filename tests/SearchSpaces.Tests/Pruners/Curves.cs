namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>Deterministic learning curves for pruner tests (steps 1..n, decaying to the final value).</summary>
internal static class Curves
{
    public static double[] Decay(double final, double gap, double rate, int steps) =>
        Enumerable.Range(1, steps).Select(s => final + gap * Math.Exp(-rate * s / steps)).ToArray();

    public static double[] Constant(double value, int steps) => Enumerable.Repeat(value, steps).ToArray();

    /// <summary><paramref name="count"/> crossing curves with finals in [low, high) from a seed.</summary>
    public static List<IReadOnlyList<double>> Random(int seed, int count, int steps, double low = 0.2, double high = 1.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyList<double>)Decay(
                low + (high - low) * random.NextDouble(), 0.2 + random.NextDouble(), 0.5 + 4 * random.NextDouble(), steps))
            .ToList();
    }

    public static IReadOnlyList<double> Negate(IReadOnlyList<double> curve) => curve.Select(v => -v).ToArray();
}
