namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// One side (below or above) of a univariate ask: model-space centres in chronological order with the
/// observation each came from (−1 for a trial in flight), reused between asks.
/// </summary>
internal sealed class TpeKernelSet
{
    private readonly List<double> _values = [];
    private readonly List<int> _sources = [];

    public int Count => _values.Count;

    public void Clear()
    {
        _values.Clear();
        _sources.Clear();
    }

    public void Add(double value, int source)
    {
        _values.Add(value);
        _sources.Add(source);
    }

    public int Source(int k) => _sources[k];

    public double[] Values() => [.. _values];

    /// <summary>
    /// Completes <paramref name="order"/> (finished observations already sorted in its first
    /// <paramref name="filled"/> slots) with the liars and the prior centre (kernel <paramref name="n"/>; NaN
    /// when absent) at their sorted places. False when a value is NaN, which numpy sorts differently.
    /// </summary>
    public bool MergeExtras(int[] order, int filled, double priorMu, int n)
    {
        for (var k = 0; k < _sources.Count; k++)
            if (_sources[k] < 0 && !InsertSorted(order, ref filled, k, _values[k], priorMu, n)) return false;
        if (!double.IsNaN(priorMu) && !InsertSorted(order, ref filled, n, priorMu, priorMu, n)) return false;
        return filled == order.Length;
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
