using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Importance;

/// <summary>
/// sklearn's <c>RandomForestRegressor(n_estimators, max_depth, random_state=seed)</c> with its defaults (bootstrap,
/// every feature at each split, min_samples_split 2, min_samples_leaf 1): each tree draws its own seed from
/// <c>RandomState(seed)</c>, its bootstrap counts from <c>RandomState(treeSeed)</c> and its splitter's seed from a
/// fresh <c>RandomState(treeSeed)</c>, as sklearn 1.2 does.
/// </summary>
internal static class RandomForest
{
    public static IReadOnlyList<RegressionTree> Fit(double[][] x, double[] y, int trees, int maxDepth, int seed)
    {
        // sklearn fits on float32 features and float64 targets.
        var x32 = x.Select(row => row.Select(v => (float)v).ToArray()).ToArray();
        var forestRandom = new NumpyRandomState(seed);
        var treeSeeds = new long[trees];
        for (var t = 0; t < trees; t++) treeSeeds[t] = forestRandom.RandInt(0, int.MaxValue);
        var fitted = new RegressionTree[trees];
        Parallel.For(0, trees, t =>
        {
            var bootstrap = new NumpyRandomState(treeSeeds[t]);
            var counts = new double[x.Length];
            for (var i = 0; i < x.Length; i++) counts[bootstrap.RandInt(0, x.Length)] += 1.0;
            var splitterSeed = (uint)new NumpyRandomState(treeSeeds[t]).RandInt(0, SplitterRandom.RandRMax);
            fitted[t] = new RegressionTreeBuilder(x32, y, counts, maxDepth, splitterSeed).Build();
        });
        return fitted;
    }
}
