namespace Sweep.SearchSpaces.Importance;

/// <summary>
/// A fitted regression tree in sklearn's flat layout: node 0 is the root; a leaf has <see cref="Feature"/> −2 and
/// children −1; an internal node sends a row left when its feature is ≤ <see cref="Threshold"/>.
/// </summary>
internal sealed class RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int featureCount)
{
    public const int Leaf = -2;

    public int[] Feature { get; } = feature;
    public double[] Threshold { get; } = threshold;
    public int[] Left { get; } = left;
    public int[] Right { get; } = right;

    /// <summary>The weighted mean objective of the training rows in each node.</summary>
    public double[] Value { get; } = value;

    public int FeatureCount { get; } = featureCount;
    public int NodeCount => Feature.Length;

    public bool IsLeaf(int node) => Feature[node] < 0;
}
