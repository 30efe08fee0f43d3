using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Samplers.Grid;

/// <summary>
/// The valid configurations of a search space on the grid, each exactly once, in row-major order (the first
/// parameter varies slowest). A conditional parameter is expanded only under the parent values that activate
/// it, so no two rows differ only in an inactive parameter.
/// </summary>
public sealed class GridPoints
{
    /// <summary>Largest grid enumerated; a bigger one is refused rather than allocated.</summary>
    public const int MaxSize = 1_000_000;

    private readonly SearchSpace _space;
    private readonly List<double[]> _rows = [];
    private readonly Dictionary<double[], int> _index = new(RowComparer.Instance);

    public GridPoints(SearchSpace space, GridOptions options)
    {
        _space = space;
        var axes = space.Parameters.Select(p => GridAxis.Values(p.Distribution, options)).ToArray();
        Expand(0, axes, new double[space.Count], new Dictionary<string, double>(StringComparer.Ordinal));
        for (var i = 0; i < _rows.Count; i++) _index.Add(_rows[i], i);
    }

    public int Count => _rows.Count;

    /// <summary>Row <paramref name="index"/> as a configuration of the active parameters (internal values).</summary>
    public Dictionary<string, double> Config(int index)
    {
        var row = _rows[index];
        var config = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < row.Length; i++)
            if (!double.IsNaN(row[i])) config[_space.Parameters[i].Name] = row[i];
        return config;
    }

    /// <summary>The row holding exactly <paramref name="config"/>, or -1 (a configuration off the grid).</summary>
    public int IndexOf(IReadOnlyDictionary<string, double> config)
    {
        var row = new double[_space.Count];
        Array.Fill(row, double.NaN);
        foreach (var (name, value) in config)
        {
            var i = _space.IndexOf(name);
            if (i < 0 || double.IsNaN(value)) return -1;
            row[i] = value;
        }
        return _index.TryGetValue(row, out var index) ? index : -1;
    }

    private void Expand(int i, double[][] axes, double[] row, Dictionary<string, double> assigned)
    {
        if (i == axes.Length)
        {
            if (_rows.Count == MaxSize)
                throw new ArgumentException($"the grid has more than {MaxSize} configurations; lower sampler.pointsPerFloat or sampler.maxPointsPerAxis, or give ints a step.");
            _rows.Add((double[])row.Clone());
            return;
        }
        var p = _space.Parameters[i];
        if (!_space.IsActive(p, assigned))
        {
            row[i] = double.NaN;
            Expand(i + 1, axes, row, assigned);
            return;
        }
        foreach (var v in axes[i])
        {
            row[i] = v;
            assigned[p.Name] = v;
            Expand(i + 1, axes, row, assigned);
        }
        assigned.Remove(p.Name);
    }

    // Bitwise equality so that NaN (inactive) matches NaN; -0 is folded into +0.
    private sealed class RowComparer : IEqualityComparer<double[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(double[]? x, double[]? y) =>
            x is not null && y is not null && x.Length == y.Length && x.Select(Bits).SequenceEqual(y.Select(Bits));

        public int GetHashCode(double[] row)
        {
            var hash = new HashCode();
            foreach (var v in row) hash.Add(Bits(v));
            return hash.ToHashCode();
        }

        private static long Bits(double v) => v == 0 ? 0 : BitConverter.DoubleToInt64Bits(v);
    }
}
