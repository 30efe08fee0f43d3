using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Importance;

/// <summary>
/// The functional ANOVA of one regression tree (Hutter et al. 2014), as Optuna 3.1's <c>_FanovaTree</c> computes it:
/// the tree's prediction is averaged over the search box, and the variance of that average as a function of a group
/// of features alone is the group's share of the tree's total variance.
/// </summary>
internal sealed class FanovaTree
{
    private readonly RegressionTree _tree;
    private readonly Box _space;
    private readonly double[] _meanValue;
    private readonly double[] _volume;
    private readonly double[][] _midpoints;
    private readonly double[][] _widths;
    private readonly bool[][] _subtreeSplits;

    /// <param name="space">Per feature, the interval the forest's inputs range over.</param>
    public FanovaTree(RegressionTree tree, Box space)
    {
        _tree = tree;
        _space = space;
        (_meanValue, _volume) = NodeStatistics();
        (_midpoints, _widths) = SplitCells();
        _subtreeSplits = SubtreeSplitFeatures();
        Variance = LeafVariance();
    }

    /// <summary>The variance of the tree's prediction over the whole box.</summary>
    public double Variance { get; }

    /// <summary>
    /// The variance of the prediction as a function of <paramref name="features"/> alone (the others averaged out),
    /// taken over the grid of cells the tree's thresholds on those features cut the box into.
    /// </summary>
    public double MarginalVariance(IReadOnlyList<int> features)
    {
        var combos = 1;
        foreach (var f in features) combos *= _midpoints[f].Length;
        var values = new double[combos];
        var weights = new double[combos];
        var point = new double[_tree.FeatureCount];
        Array.Fill(point, double.NaN);
        var index = new int[features.Count];
        for (var c = 0; c < combos; c++)
        {
            // itertools.product order: the last feature varies fastest.
            var rest = c;
            for (var k = features.Count - 1; k >= 0; k--)
            {
                var n = _midpoints[features[k]].Length;
                index[k] = rest % n;
                rest /= n;
            }
            var width = 1.0;
            for (var k = 0; k < features.Count; k++)
            {
                point[features[k]] = _midpoints[features[k]][index[k]];
                width = k == 0 ? _widths[features[k]][index[k]] : width * _widths[features[k]][index[k]];
            }
            var (value, weight) = Marginalized(point);
            values[c] = value;
            weights[c] = weight * width;
        }
        return WeightedVariance(values, weights);
    }

    /// <summary>The box-averaged prediction at <paramref name="point"/>'s fixed features (NaN = averaged out), and its weight.</summary>
    private (double Value, double Weight) Marginalized(double[] point)
    {
        var active = new bool[point.Length];
        for (var f = 0; f < point.Length; f++) active[f] = !double.IsNaN(point[f]);
        var start = _space.Copy();
        for (var f = 0; f < point.Length; f++)
            if (!active[f]) start.Set(f, 0.0, 1.0);

        var stack = new Stack<(int Node, Box Box)>();
        stack.Push((0, start));
        List<int> reached = [];
        List<double> volumes = [];
        while (stack.Count > 0)
        {
            var (node, box) = stack.Pop();
            var feature = _tree.Feature[node];
            if (feature >= 0)
            {
                var x = point[feature];
                if (!double.IsNaN(x))
                {
                    var goLeft = x <= _tree.Threshold[node];
                    stack.Push(goLeft ? (_tree.Left[node], box.WithHigh(feature, _tree.Threshold[node]))
                                      : (_tree.Right[node], box.WithLow(feature, _tree.Threshold[node])));
                    continue;
                }
                if (SplitsOnAny(node, active))
                {
                    stack.Push((_tree.Left[node], box));
                    stack.Push((_tree.Right[node], box));
                    continue;
                }
            }
            reached.Add(node);
            volumes.Add(box.Volume());
        }
        var values = new double[reached.Count];
        var weights = new double[reached.Count];
        for (var k = 0; k < reached.Count; k++)
        {
            values[k] = _meanValue[reached[k]];
            weights[k] = _volume[reached[k]] / volumes[k];
        }
        return (WeightedMean(values, weights), NumpyMath.PairwiseSum(weights));
    }

    private bool SplitsOnAny(int node, bool[] active)
    {
        var splits = _subtreeSplits[node];
        for (var f = 0; f < active.Length; f++)
            if (active[f] && splits[f]) return true;
        return false;
    }

    /// <summary>Per node, the volume-weighted mean prediction over its part of the box, and that part's volume.</summary>
    private (double[] Mean, double[] Volume) NodeStatistics()
    {
        var n = _tree.NodeCount;
        var mean = new double[n];
        var volume = new double[n];
        var boxes = new Box?[n];
        boxes[0] = _space;
        for (var node = 0; node < n; node++)
        {
            var box = boxes[node]!;
            if (_tree.IsLeaf(node))
            {
                mean[node] = _tree.Value[node];
                volume[node] = box.Volume();
            }
            else
            {
                var f = _tree.Feature[node];
                boxes[_tree.Left[node]] = box.WithHigh(f, _tree.Threshold[node]);
                boxes[_tree.Right[node]] = box.WithLow(f, _tree.Threshold[node]);
            }
        }
        for (var node = n - 1; node >= 0; node--)
        {
            if (_tree.IsLeaf(node)) continue;
            int l = _tree.Left[node], r = _tree.Right[node];
            mean[node] = (0.0 + mean[l] * volume[l] + mean[r] * volume[r]) / (0.0 + volume[l] + volume[r]);
            volume[node] = 0.0 + volume[l] + volume[r];
        }
        return (mean, volume);
    }

    /// <summary>Per feature, the midpoints and widths of the intervals its thresholds cut its range into.</summary>
    private (double[][] Midpoints, double[][] Widths) SplitCells()
    {
        var d = _tree.FeatureCount;
        var thresholds = Enumerable.Range(0, d).Select(_ => new SortedSet<double>()).ToArray();
        for (var node = 0; node < _tree.NodeCount; node++)
            if (!_tree.IsLeaf(node)) thresholds[_tree.Feature[node]].Add(_tree.Threshold[node]);
        var midpoints = new double[d][];
        var widths = new double[d][];
        for (var f = 0; f < d; f++)
        {
            double[] edges = [_space.Low(f), .. thresholds[f], _space.High(f)];
            midpoints[f] = new double[edges.Length - 1];
            widths[f] = new double[edges.Length - 1];
            for (var k = 0; k + 1 < edges.Length; k++)
            {
                midpoints[f][k] = 0.5 * (edges[k + 1] + edges[k]);
                widths[f][k] = edges[k + 1] - edges[k];
            }
        }
        return (midpoints, widths);
    }

    /// <summary>Per node, which features a split somewhere in its subtree uses.</summary>
    private bool[][] SubtreeSplitFeatures()
    {
        var n = _tree.NodeCount;
        var splits = new bool[n][];
        for (var node = n - 1; node >= 0; node--)
        {
            splits[node] = new bool[_tree.FeatureCount];
            if (_tree.IsLeaf(node)) continue;
            splits[node][_tree.Feature[node]] = true;
            foreach (var child in (ReadOnlySpan<int>)[_tree.Left[node], _tree.Right[node]])
                for (var f = 0; f < _tree.FeatureCount; f++) splits[node][f] |= splits[child][f];
        }
        return splits;
    }

    private double LeafVariance()
    {
        List<double> values = [], weights = [];
        for (var node = 0; node < _tree.NodeCount; node++)
        {
            if (!_tree.IsLeaf(node)) continue;
            values.Add(_meanValue[node]);
            weights.Add(_volume[node]);
        }
        return WeightedVariance([.. values], [.. weights]);
    }

    /// <summary><c>numpy.average(values, weights=weights)</c>, with numpy's summation order.</summary>
    private static double WeightedMean(double[] values, double[] weights)
    {
        var products = new double[values.Length];
        for (var k = 0; k < values.Length; k++) products[k] = values[k] * weights[k];
        return NumpyMath.PairwiseSum(products) / NumpyMath.PairwiseSum(weights);
    }

    private static double WeightedVariance(double[] values, double[] weights)
    {
        var mean = WeightedMean(values, weights);
        var squares = new double[values.Length];
        for (var k = 0; k < values.Length; k++) squares[k] = (values[k] - mean) * (values[k] - mean);
        return WeightedMean(squares, weights);
    }
}
