namespace Sweep.SearchSpaces.Importance;

/// <summary>An axis-aligned box in the forest's feature space: per feature, a [low, high] interval.</summary>
internal sealed class Box
{
    private readonly double[] _bounds;   // low, high of feature 0, then of feature 1, …

    private Box(double[] bounds) => _bounds = bounds;

    public static Box Of(IReadOnlyList<(double Low, double High)> intervals)
    {
        var bounds = new double[2 * intervals.Count];
        for (var f = 0; f < intervals.Count; f++) (bounds[2 * f], bounds[2 * f + 1]) = intervals[f];
        return new Box(bounds);
    }

    public double Low(int feature) => _bounds[2 * feature];
    public double High(int feature) => _bounds[2 * feature + 1];

    public Box Copy() => new((double[])_bounds.Clone());

    public void Set(int feature, double low, double high) => (_bounds[2 * feature], _bounds[2 * feature + 1]) = (low, high);

    public Box WithLow(int feature, double low)
    {
        var b = Copy();
        b._bounds[2 * feature] = low;
        return b;
    }

    public Box WithHigh(int feature, double high)
    {
        var b = Copy();
        b._bounds[2 * feature + 1] = high;
        return b;
    }

    /// <summary>The product of the widths (numpy.prod's left-to-right order).</summary>
    public double Volume()
    {
        var v = 1.0;
        for (var f = 0; f < _bounds.Length / 2; f++) v = f == 0 ? High(0) - Low(0) : v * (High(f) - Low(f));
        return v;
    }
}
