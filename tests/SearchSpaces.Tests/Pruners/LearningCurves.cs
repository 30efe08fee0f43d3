using System.Text;
using Sweep.Orchestrator.Functions;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>hpo_funcs.py's hartmann6 and <c>curve_value</c> with Python's own hash of the params (the product code draws from its own hash).</summary>
internal static class LearningCurves
{
    public const double Hartmann6Optimum = BenchmarkFormulas.Hartmann6Optimum;

    public static double Hartmann6(IReadOnlyDictionary<string, double> p) =>
        BenchmarkFormulas.Hartmann6([.. Enumerable.Range(0, 6).Select(j => p[$"x{j}"])]);

    /// <summary>Value at <paramref name="step"/> (1..n) of a curve decaying to <paramref name="final"/>; rates and gaps hashed from the params.</summary>
    public static double CurveValue(double final, double optimum, IReadOnlyDictionary<string, double> p, int step, int steps) =>
        SyntheticCurve.Value(final, optimum, U01(p, "rate"), U01(p, "gap"), step, steps);

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
