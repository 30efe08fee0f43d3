using Sweep.SearchSpaces.Distributions;

namespace Sweep.SearchSpaces.Importance;

/// <summary>
/// The forest's view of a search space: Optuna's <c>_SearchSpaceTransform(transform_log=False,
/// transform_step=False)</c>. Numbers stay as they are (no log, no step padding) with [low, high] as their range; a
/// categorical becomes one 0/1 column per choice, each ranging over [0, 1].
/// </summary>
internal sealed class EncodedSpace
{
    private readonly IReadOnlyList<(string Name, Distribution Distribution)> _params;

    public EncodedSpace(IReadOnlyList<(string Name, Distribution Distribution)> parameters)
    {
        _params = parameters;
        List<(double, double)> bounds = [];
        List<int[]> columns = [];
        foreach (var (_, d) in parameters)
        {
            var first = bounds.Count;
            switch (d)
            {
                case CategoricalDistribution c:
                    for (var k = 0; k < c.Choices.Length; k++) bounds.Add((0.0, 1.0));
                    break;
                case FloatDistribution f:
                    bounds.Add((f.Low, f.High));
                    break;
                case IntDistribution i:
                    bounds.Add((i.Low, i.High));
                    break;
                default:
                    throw new ArgumentException($"no encoding for a {d.GetType().Name}");
            }
            columns.Add([.. Enumerable.Range(first, bounds.Count - first)]);
        }
        Bounds = Box.Of(bounds);
        ColumnCount = bounds.Count;
        Columns = columns;
    }

    public Box Bounds { get; }
    public int ColumnCount { get; }

    /// <summary>Per parameter (in the order given), the encoded columns that carry it.</summary>
    public IReadOnlyList<int[]> Columns { get; }

    /// <summary>One row: parameters in internal representation (a categorical's choice index) to encoded columns.</summary>
    public double[] Encode(IReadOnlyDictionary<string, double> values)
    {
        var row = new double[ColumnCount];
        for (var p = 0; p < _params.Count; p++)
        {
            var (name, d) = _params[p];
            var v = values[name];
            if (d is CategoricalDistribution) row[Columns[p][(int)v]] = 1.0;
            else row[Columns[p][0]] = v;
        }
        return row;
    }
}
