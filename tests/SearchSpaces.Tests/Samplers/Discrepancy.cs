namespace Sweep.SearchSpaces.Tests.Samplers;

/// <summary>Measures of how evenly points cover the unit square.</summary>
public static class Discrepancy
{
    /// <summary>
    /// Exact star discrepancy of 2-D points: sup over anchored boxes [0, a) × [0, b) of |share inside − a·b|,
    /// evaluated at the corners formed by the coordinates (open and closed), O(n³).
    /// </summary>
    public static double Star2D(IReadOnlyList<double[]> points)
    {
        var n = points.Count;
        var xs = points.Select(p => p[0]).Append(1.0).Distinct().Order().ToArray();
        var ys = points.Select(p => p[1]).Append(1.0).Distinct().Order().ToArray();
        var worst = 0.0;
        foreach (var a in xs)
            foreach (var b in ys)
            {
                int open = 0, closed = 0;
                foreach (var p in points)
                {
                    if (p[0] < a && p[1] < b) open++;
                    if (p[0] <= a && p[1] <= b) closed++;
                }
                worst = Math.Max(worst, Math.Max(a * b - (double)open / n, (double)closed / n - a * b));
            }
        return worst;
    }

    /// <summary>
    /// Checks the (0, k, 2)-net property: for every split k = i + j, each box of width 2^−i and height 2^−j holds
    /// exactly one of the 2^k points. Returns a description of the first box that does not, or null.
    /// </summary>
    public static string? FirstUnevenElementaryInterval(IReadOnlyList<double[]> points, int dimX, int dimY, int k)
    {
        for (var i = 0; i <= k; i++)
        {
            var counts = new int[1 << i, 1 << (k - i)];
            foreach (var p in points) counts[(int)(p[dimX] * (1 << i)), (int)(p[dimY] * (1 << (k - i)))]++;
            for (var a = 0; a < 1 << i; a++)
                for (var b = 0; b < 1 << (k - i); b++)
                    if (counts[a, b] != 1) return $"box ({a}/2^{i}, {b}/2^{k - i}) holds {counts[a, b]} points";
        }
        return null;
    }
}
