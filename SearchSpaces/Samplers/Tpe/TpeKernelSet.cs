namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// One side (below or above) of a univariate ask: model-space centres in chronological order with the
/// observation each came from (−1 for a trial in flight), reused between asks.
/// </summary>
internal sealed class TpeKernelSet
{
    // Grown, never shrunk: an ask at history n reuses the arrays of the last one (no garbage per ask).
    private double[] _values = new double[16];
    private int[] _sources = new int[16];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Add(double value, int source)
    {
        if (Count == _values.Length)
        {
            Array.Resize(ref _values, 2 * Count);
            Array.Resize(ref _sources, 2 * Count);
        }
        _values[Count] = value;
        _sources[Count++] = source;
    }

    public int Source(int k) => _sources[k];

    /// <summary>The centres in their first <see cref="Count"/> slots (the array is reused by the next ask).</summary>
    public double[] Values() => _values;

    /// <summary>
    /// Completes the first <paramref name="m"/> slots of <paramref name="order"/> (finished observations already sorted in its first
    /// <paramref name="filled"/> slots) with the liars and the prior centre (kernel <paramref name="n"/>; NaN
    /// when absent) at their sorted places. False when a value is NaN, which numpy sorts differently.
    /// </summary>
    public bool MergeExtras(int[] order, int m, int filled, double priorMu, int n)
    {
        for (var k = 0; k < Count; k++)
            if (_sources[k] < 0 && !InsertSorted(order, ref filled, k, _values[k], priorMu, n)) return false;
        if (!double.IsNaN(priorMu) && !InsertSorted(order, ref filled, n, priorMu, priorMu, n)) return false;
        return filled == m;
    }

    private bool InsertSorted(int[] order, ref int filled, int kernel, double v, double priorMu, int n)
    {
        if (double.IsNaN(v)) return false;
        var at = filled;
        while (at > 0 && (order[at - 1] == n ? priorMu : _values[order[at - 1]]) > v) at--;
        Array.Copy(order, at, order, at + 1, filled - at);
        order[at] = kernel;
        filled++;
        return true;
    }
}
