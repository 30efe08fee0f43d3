namespace Sweep.Orchestrator.Functions;

/// <summary>
/// A synthetic learning curve (hpo_funcs.py <c>curve_value</c>): starts at final + gap and decays to exactly the
/// final value at the last step, with a rate and a gap drawn from a hash of the configuration, so curves of
/// different configurations cross (what a pruner has to cope with).
/// </summary>
public static class SyntheticCurve
{
    /// <summary>Value at <paramref name="step"/> (1..<paramref name="steps"/>).</summary>
    public static double Value(double final, double optimum, ulong configurationHash, int step, int steps) =>
        Value(final, optimum, U01(configurationHash, 0x9E3779B97F4A7C15UL), U01(configurationHash, 0xC2B2AE3D27D4EB4FUL), step, steps);

    /// <summary>The curve for given draws in [0, 1): <paramref name="rate01"/> sets the decay rate, <paramref name="gap01"/> the start gap.</summary>
    public static double Value(double final, double optimum, double rate01, double gap01, int step, int steps)
    {
        var r = 1.0 + 5.0 * rate01;
        var u = 0.5 + gap01;
        var gap = u * (1.0 + Math.Abs(final - optimum));
        var t = step / (double)steps;
        var frac = (Math.Exp(-r * t) - Math.Exp(-r)) / (1.0 - Math.Exp(-r));
        return final + gap * frac;
    }

    /// <summary>FNV-1a over <c>name=value</c> texts in ordinal name order: a stable hash of a configuration.</summary>
    public static ulong Hash(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var h = 1469598103934665603UL;
        foreach (var (k, v) in parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var ch in $"{k}={v};") h = unchecked((h ^ ch) * 1099511628211UL);
        return h;
    }

    private static double U01(ulong hash, ulong salt)
    {
        var z = unchecked(hash + salt);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) / (double)(1UL << 53);
    }
}
