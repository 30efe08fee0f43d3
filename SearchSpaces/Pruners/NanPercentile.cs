namespace Sweep.SearchSpaces.Pruners;

/// <summary>NumPy 1.24's <c>np.nanpercentile</c> with the default "linear" method, bit for bit, for Optuna parity.</summary>
internal static class NanPercentile
{
    /// <param name="values">Values in any order; NaN entries are ignored.</param>
    /// <param name="percentile">0..100.</param>
    /// <returns>NaN when no value is left.</returns>
    public static double Of(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        var virtualIndex = percentile / 100.0 * (sorted.Length - 1);
        var previous = Math.Floor(virtualIndex);
        var lo = (int)previous;
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var gamma = virtualIndex - previous;
        var a = sorted[lo];
        var b = sorted[hi];
        var diff = b - a;
        // NumPy's _lerp interpolates from the nearer end, which changes the last bit of the result.
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
