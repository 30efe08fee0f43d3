using System.Text;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>Port of shared/bench/hpo/hpo_funcs.py: hartmann6 and the synthetic learning curve <c>curve_value</c>.</summary>
internal static class LearningCurves
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

    public static double Hartmann6(IReadOnlyDictionary<string, double> p)
    {
        var total = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < 6; j++)
            {
                var d = p[$"x{j}"] - P[i, j] * 1e-4;
                inner += A[i, j] * d * d;
            }
            total -= Alpha[i] * Math.Exp(-inner);
        }
        return total;
    }

    /// <summary>Value at <paramref name="step"/> (1..n) of a curve decaying to <paramref name="final"/>; rates and gaps hashed from the params.</summary>
    public static double CurveValue(double final, double optimum, IReadOnlyDictionary<string, double> p, int step, int steps)
    {
        var r = 1.0 + 5.0 * U01(p, "rate");
        var u = 0.5 + U01(p, "gap");
        var gap = u * (1.0 + Math.Abs(final - optimum));
        var t = step / (double)steps;
        var frac = (Math.Exp(-r * t) - Math.Exp(-r)) / (1.0 - Math.Exp(-r));
        return final + gap * frac;
    }

    /// <summary>FNV-1a over salt + Python's repr of the sorted params, as <c>_u01</c>.</summary>
    public static double U01(IReadOnlyDictionary<string, double> p, string salt)
    {
        var repr = "[" + string.Join(", ", p.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"('{kv.Key}', {PythonRepr.Float(kv.Value)})")) + "]";
        var h = 1469598103934665603UL;
        foreach (var b in Encoding.UTF8.GetBytes(salt + repr)) h = unchecked((h ^ b) * 1099511628211UL);
        return (h >> 11) / (double)(1UL << 53);
    }
}
