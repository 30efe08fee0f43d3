namespace Sweep.Trainer.Data;

/// <summary>Per-class split and fraction helpers shared by every dataset kind.</summary>
public static class ClassSubsets
{
    /// <summary>Python's round(): half to even on the double value (round(0.9·55) = 50 = round(49.5)).</summary>
    public static int PythonRound(double value) => (int)Math.Round(value, MidpointRounding.ToEven);

    /// <summary>
    /// Keeps round(fraction·n_c) (at least 1) items of every class c, chosen by a seeded shuffle and returned
    /// in their original order, so the class proportions of the subset follow the full set.
    /// Fraction 1 returns the input unchanged.
    /// </summary>
    public static T[] Fraction<T>(IReadOnlyList<T> items, Func<T, int> labelOf, double fraction, int seed)
    {
        if (fraction is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be in (0, 1]");
        if (fraction >= 1) return [.. items];
        var kept = Pick(items, labelOf, n => Math.Clamp(PythonRound(fraction * n), 1, n), seed);
        return [.. items.Where((_, position) => kept.Contains(position))];
    }

    /// <summary>
    /// The part of a dataset's held-out items a run evaluates on. <paramref name="testFraction"/> 0 keeps them all as
    /// val. Otherwise round(testFraction·n_c) items of every class (at least 1, and at least 1 left for val where the
    /// class holds 2 or more) form the test split, chosen by a shuffle seeded with <paramref name="seed"/> alone, so
    /// every run and every training seed of one dataset seed sees the same two splits; val is the rest.
    /// </summary>
    public static T[] HeldOut<T>(IReadOnlyList<T> items, Func<T, int> labelOf, double testFraction, HeldOutSplit split, int seed)
    {
        if (testFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be in [0, 1)");
        if (testFraction == 0) return split == HeldOutSplit.Val ? [.. items] : [];
        var test = Pick(items, labelOf, n => Math.Clamp(PythonRound(testFraction * n), 1, Math.Max(1, n - 1)), SeedMix.Derive(seed, -11));
        return [.. items.Where((_, position) => test.Contains(position) == (split == HeldOutSplit.Test))];
    }

    /// <summary>
    /// Positions of <paramref name="count"/>(n_c) items of every class c: the first ones of the class's members shuffled by
    /// a generator seeded with (<paramref name="seed"/>, c).
    /// </summary>
    private static HashSet<int> Pick<T>(IReadOnlyList<T> items, Func<T, int> labelOf, Func<int, int> count, int seed)
    {
        var picked = new HashSet<int>();
        foreach (var group in items.Select((item, position) => (item, position)).GroupBy(e => labelOf(e.item)))
        {
            var members = group.ToArray();
            var rng = SeedMix.Rng(seed, group.Key);
            rng.Shuffle(members);
            picked.UnionWith(members.Take(count(members.Length)).Select(m => m.position));
        }
        return picked;
    }

    /// <summary>The held-out split with the options' <c>dataset.testFraction</c>, <c>dataset.evalSplit</c> and seed.</summary>
    public static T[] HeldOut<T>(IReadOnlyList<T> items, Func<T, int> labelOf, DatasetOptions options) =>
        HeldOut(items, labelOf, options.TestFraction, options.EvalSplit, options.Seed);

    /// <summary><see cref="Fraction{T}"/> for file samples.</summary>
    public static FileSample[] Fraction(IReadOnlyList<FileSample> items, double fraction, int seed) =>
        Fraction(items, s => s.Label, fraction, seed);

    /// <summary>Counts of each label 0 … classCount−1.</summary>
    public static int[] Counts(IEnumerable<int> labels, int classCount)
    {
        var counts = new int[classCount];
        foreach (var label in labels) counts[label]++;
        return counts;
    }
}
