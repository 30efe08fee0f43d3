namespace Sweep.Trainer.Data;

/// <summary>Sample order for one epoch of a split.</summary>
public static class EpochOrder
{
    /// <summary>
    /// Train: a seeded permutation or class-balanced draws with replacement (weight 1/count(class),
    /// <c>count</c> draws, KT's WeightedRandomSampler). Val: 0 … count−1 in order.
    /// </summary>
    public static int[] For(IPairedDataset dataset, DataSplit split, Random rng)
    {
        var count = dataset.Count(split);
        if (split == DataSplit.Val) return [.. Enumerable.Range(0, count)];
        if (dataset.TrainSampling == TrainSampling.Shuffle)
        {
            var order = Enumerable.Range(0, count).ToArray();
            rng.Shuffle(order);
            return order;
        }
        return ClassBalanced(Enumerable.Range(0, count).Select(i => dataset.LabelOf(split, i)).ToArray(), dataset.ClassCount, rng);
    }

    /// <summary>Draws labels.Length indices with replacement, each class equally likely overall.</summary>
    public static int[] ClassBalanced(int[] labels, int classCount, Random rng)
    {
        var counts = ClassSubsets.Counts(labels, classCount);
        // Cumulative weights 1/count(label); a binary search per draw keeps this O(n log n).
        var cumulative = new double[labels.Length];
        double total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            total += 1.0 / counts[labels[i]];
            cumulative[i] = total;
        }
        var draws = new int[labels.Length];
        for (var k = 0; k < draws.Length; k++)
        {
            var u = rng.NextDouble() * total;
            var j = Array.BinarySearch(cumulative, u);
            if (j < 0) j = ~j;
            draws[k] = Math.Min(j, labels.Length - 1);
        }
        return draws;
    }
}
