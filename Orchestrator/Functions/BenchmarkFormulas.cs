namespace Sweep.Orchestrator.Functions;

/// <summary>The formulas of the search benchmark's driver (bench/hpo), term for term, so values match the Python side's.</summary>
public static class BenchmarkFormulas
{
    public const double Hartmann6Optimum = -3.3223680114155147;

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] A =
    {
        { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] P =
    {
        { 1312, 1696, 5569, 124, 8283, 5886 }, { 2329, 4135, 8307, 3736, 1004, 9991 },
        { 2348, 1451, 3522, 2883, 3047, 6650 }, { 4047, 8828, 8732, 5743, 1091, 381 },
    };

    private static readonly Dictionary<string, (double LrOffset, double Penalty)> Optimisers = new()
    {
        ["sgd"] = (-2.0, 0.5), ["adam"] = (0.0, 0.0), ["rmsprop"] = (0.5, 0.25), ["adagrad"] = (-1.0, 1.0),
    };

    public static double Branin(double x1, double x2)
    {
        double a = 1.0, b = 5.1 / (4 * Math.PI * Math.PI), c = 5.0 / Math.PI, r = 6.0, s = 10.0, t = 1.0 / (8 * Math.PI);
        var u = x2 - b * x1 * x1 + c * x1 - r;
        return a * u * u + s * (1 - t) * Math.Cos(x1) + s;
    }

    public static double Hartmann6(IReadOnlyList<double> x)
    {
        var total = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < 6; j++)
            {
                var d = x[j] - P[i, j] * 1e-4;
                inner += A[i, j] * d * d;
            }
            total -= Alpha[i] * Math.Exp(-inner);
        }
        return total;
    }

    public static double Rosenbrock(IReadOnlyList<double> x)
    {
        var total = 0.0;
        for (var i = 0; i < x.Count - 1; i++)
            total += 100.0 * Math.Pow(x[i + 1] - x[i] * x[i], 2) + Math.Pow(1.0 - x[i], 2);
        return total;
    }

    /// <summary>The standard deviation of <c>branin-noisy</c>'s seed noise.</summary>
    public const double SeedNoiseScale = 8.0;

    /// <summary>A standard normal draw fixed by the seed and the configuration's text (Box–Muller over SplitMix64).</summary>
    public static double SeedNoise(double seed, string configuration)
    {
        var h = 1469598103934665603UL ^ (ulong)(long)seed;
        foreach (var ch in configuration) h = unchecked((h ^ ch) * 1099511628211UL);
        var u1 = (Next(ref h) >> 11) / (double)(1UL << 53);
        var u2 = (Next(ref h) >> 11) / (double)(1UL << 53);
        return Math.Sqrt(-2.0 * Math.Log(1.0 - u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Next(ref ulong state)
    {
        var z = state = unchecked(state + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public static double Mixed(double x, double lr, double layers, double units, string optimizer)
    {
        if (!Optimisers.TryGetValue(optimizer, out var o))
            throw new ArgumentException($"function 'mixed': optimizer must be one of {string.Join(", ", Optimisers.Keys)} (got '{optimizer}')");
        return Math.Pow(x - 1.0, 2) + Math.Pow(Math.Log10(lr) + 3.0 + o.LrOffset, 2) + 0.3 * Math.Pow(layers - 4, 2)
               + 0.5 * Math.Pow(Math.Log2(units) - 7.0, 2) + o.Penalty;
    }
}
