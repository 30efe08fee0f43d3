namespace Sweep.SearchSpaces.Importance;

/// <summary>
/// Grows one regression tree the way sklearn 1.2's <c>DecisionTreeRegressor</c> does with the squared-error
/// criterion, the best splitter, every feature considered and depth-first growth: the same feature order, sort,
/// split search and summation order, so a forest fed sklearn's seeds grows sklearn's trees (the importances Optuna
/// reports then come out the same, not merely alike).
/// </summary>
internal sealed class RegressionTreeBuilder
{
    /// <summary>Feature values closer than this are one value (sklearn's FEATURE_THRESHOLD, in float32).</summary>
    private const float FeatureThreshold = 1e-7f;

    /// <summary>numpy's float64 machine epsilon: impurities below it count as zero.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    private readonly float[][] _x;
    private readonly double[] _y;
    private readonly double[] _w;
    private readonly int _maxDepth;
    private readonly int _featureCount;
    private readonly int[] _samples;
    private readonly int[] _features;
    private readonly int[] _constantFeatures;
    private readonly float[] _xf;
    private readonly double _weightedSamples;
    private SplitterRandom _random;

    // The criterion's running sums over samples[start..end), sklearn's RegressionCriterion with one output.
    private int _start, _end, _pos;
    private double _sumTotal, _sqSumTotal, _weightedNode, _sumLeft, _sumRight, _weightedLeft, _weightedRight;

    /// <param name="x">Rows of features, already in float32 as sklearn stores them.</param>
    /// <param name="weights">Per-row weight (a bootstrap count); rows weighing 0 take no part.</param>
    public RegressionTreeBuilder(float[][] x, double[] y, double[] weights, int maxDepth, uint randomSeed)
    {
        _x = x;
        _y = y;
        _w = weights;
        _maxDepth = maxDepth;
        _featureCount = x.Length == 0 ? 0 : x[0].Length;
        _samples = [.. Enumerable.Range(0, x.Length).Where(i => weights[i] != 0.0)];
        foreach (var i in _samples) _weightedSamples += weights[i];
        _features = [.. Enumerable.Range(0, _featureCount)];
        _constantFeatures = new int[_featureCount];
        _xf = new float[_samples.Length];
        _random = new SplitterRandom(randomSeed);
    }

    private readonly record struct Pending(int Start, int End, int Depth, int Parent, bool IsLeft, double Impurity, int ConstantFeatures);

    private struct Split
    {
        public int Feature, Pos;
        public double Threshold, Improvement, ImpurityLeft, ImpurityRight;
    }

    public RegressionTree Build()
    {
        List<int> feature = [], left = [], right = [];
        List<double> threshold = [], value = [];
        var stack = new Stack<Pending>();
        stack.Push(new Pending(0, _samples.Length, 0, -1, false, double.PositiveInfinity, 0));
        var first = true;
        while (stack.Count > 0)
        {
            var (start, end, depth, parent, isLeft, impurity, constants) = stack.Pop();
            var nodeSamples = end - start;
            NodeReset(start, end);
            var isLeaf = depth >= _maxDepth || nodeSamples < 2;   // min_samples_split = 2, min_samples_leaf = 1
            if (first)
            {
                impurity = NodeImpurity();
                first = false;
            }
            isLeaf = isLeaf || impurity <= Epsilon;
            var split = new Split { Pos = end };
            if (!isLeaf)
            {
                split = NodeSplit(impurity, ref constants);
                isLeaf = split.Pos >= end || split.Improvement + Epsilon < 0.0;
            }
            var node = feature.Count;
            if (parent >= 0)
            {
                if (isLeft) left[parent] = node;
                else right[parent] = node;
            }
            feature.Add(isLeaf ? RegressionTree.Leaf : split.Feature);
            threshold.Add(isLeaf ? RegressionTree.Leaf : split.Threshold);
            left.Add(-1);
            right.Add(-1);
            value.Add(_sumTotal / _weightedNode);
            if (!isLeaf)
            {
                // Right first, so the left child is grown next and numbered first, as sklearn numbers them.
                stack.Push(new Pending(split.Pos, end, depth + 1, node, false, split.ImpurityRight, constants));
                stack.Push(new Pending(start, split.Pos, depth + 1, node, true, split.ImpurityLeft, constants));
            }
        }
        return new RegressionTree([.. feature], [.. threshold], [.. left], [.. right], [.. value], _featureCount);
    }

    private void NodeReset(int start, int end)
    {
        _start = start;
        _end = end;
        _sumTotal = 0.0;
        _sqSumTotal = 0.0;
        _weightedNode = 0.0;
        for (var p = start; p < end; p++)
        {
            var i = _samples[p];
            var w = _w[i];
            var wy = w * _y[i];
            _sumTotal += wy;
            _sqSumTotal += wy * _y[i];
            _weightedNode += w;
        }
        Reset();
    }

    private double NodeImpurity()
    {
        var mean = _sumTotal / _weightedNode;
        return _sqSumTotal / _weightedNode - mean * mean;
    }

    private void Reset()
    {
        _pos = _start;
        _sumLeft = 0.0;
        _sumRight = _sumTotal;
        _weightedLeft = 0.0;
        _weightedRight = _weightedNode;
    }

    private void ReverseReset()
    {
        _pos = _end;
        _sumLeft = _sumTotal;
        _sumRight = 0.0;
        _weightedLeft = _weightedNode;
        _weightedRight = 0.0;
    }

    /// <summary>Moves the split to <paramref name="newPos"/>, summing from whichever side is shorter (as sklearn does).</summary>
    private void Update(int newPos)
    {
        if (newPos - _pos <= _end - newPos)
        {
            for (var p = _pos; p < newPos; p++)
            {
                var i = _samples[p];
                _sumLeft += _w[i] * _y[i];
                _weightedLeft += _w[i];
            }
        }
        else
        {
            ReverseReset();
            for (var p = _end - 1; p >= newPos; p--)
            {
                var i = _samples[p];
                _sumLeft -= _w[i] * _y[i];
                _weightedLeft -= _w[i];
            }
        }
        _weightedRight = _weightedNode - _weightedLeft;
        _sumRight = _sumTotal - _sumLeft;
        _pos = newPos;
    }

    private double ProxyImprovement() => _sumLeft * _sumLeft / _weightedLeft + _sumRight * _sumRight / _weightedRight;

    private (double Left, double Right) ChildrenImpurity()
    {
        var sqSumLeft = 0.0;
        for (var p = _start; p < _pos; p++)
        {
            var i = _samples[p];
            sqSumLeft += _w[i] * _y[i] * _y[i];
        }
        var sqSumRight = _sqSumTotal - sqSumLeft;
        var left = sqSumLeft / _weightedLeft;
        var right = sqSumRight / _weightedRight;
        left -= (_sumLeft / _weightedLeft) * (_sumLeft / _weightedLeft);
        right -= (_sumRight / _weightedRight) * (_sumRight / _weightedRight);
        return (left, right);
    }

    private double ImpurityImprovement(double parent, double left, double right) =>
        _weightedNode / _weightedSamples
        * (parent - _weightedRight / _weightedNode * right - _weightedLeft / _weightedNode * left);

    /// <summary>sklearn's BestSplitter.node_split with max_features = all features.</summary>
    private Split NodeSplit(double impurity, ref int constantCount)
    {
        int start = _start, end = _end;
        var best = new Split { Pos = end, Threshold = 0.0, Improvement = double.NegativeInfinity };
        best.ImpurityLeft = best.ImpurityRight = double.PositiveInfinity;
        var bestProxy = double.NegativeInfinity;
        var current = new Split();
        var featuresLeft = _featureCount;
        int visited = 0, foundConstants = 0, drawnConstants = 0;
        var knownConstants = constantCount;
        var totalConstants = knownConstants;

        while (featuresLeft > totalConstants && (visited < _featureCount || visited <= foundConstants + drawnConstants))
        {
            visited++;
            // Fisher–Yates over the features not yet known constant.
            var j = _random.Next(drawnConstants, featuresLeft - foundConstants);
            if (j < knownConstants)
            {
                (_features[drawnConstants], _features[j]) = (_features[j], _features[drawnConstants]);
                drawnConstants++;
                continue;
            }
            j += foundConstants;
            current.Feature = _features[j];
            for (var p = start; p < end; p++) _xf[p] = _x[_samples[p]][current.Feature];
            SplitSort.Sort(_xf.AsSpan(start, end - start), _samples.AsSpan(start, end - start));
            if (_xf[end - 1] <= _xf[start] + FeatureThreshold)
            {
                (_features[j], _features[totalConstants]) = (_features[totalConstants], _features[j]);
                foundConstants++;
                totalConstants++;
                continue;
            }
            featuresLeft--;
            (_features[featuresLeft], _features[j]) = (_features[j], _features[featuresLeft]);

            Reset();
            var p2 = start;
            while (p2 < end)
            {
                while (p2 + 1 < end && _xf[p2 + 1] <= _xf[p2] + FeatureThreshold) p2++;
                p2++;
                if (p2 >= end) continue;
                current.Pos = p2;
                Update(current.Pos);
                var proxy = ProxyImprovement();
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    // Sum of halves, as sklearn, so two large values cannot overflow.
                    current.Threshold = _xf[p2 - 1] / 2.0 + _xf[p2] / 2.0;
                    if (current.Threshold == _xf[p2] || double.IsInfinity(current.Threshold)) current.Threshold = _xf[p2 - 1];
                    best = current;
                }
            }
        }

        if (best.Pos < end)
        {
            var p = start;
            var partitionEnd = end;
            while (p < partitionEnd)
            {
                if (_x[_samples[p]][best.Feature] <= best.Threshold) p++;
                else
                {
                    partitionEnd--;
                    (_samples[p], _samples[partitionEnd]) = (_samples[partitionEnd], _samples[p]);
                }
            }
            Reset();
            Update(best.Pos);
            (best.ImpurityLeft, best.ImpurityRight) = ChildrenImpurity();
            best.Improvement = ImpurityImprovement(impurity, best.ImpurityLeft, best.ImpurityRight);
        }

        // Constant features keep their order for the children; the newly found ones join them.
        Array.Copy(_constantFeatures, _features, knownConstants);
        Array.Copy(_features, knownConstants, _constantFeatures, knownConstants, foundConstants);
        constantCount = totalConstants;
        return best;
    }
}
