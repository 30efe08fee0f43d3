using Sweep.Trainer.Data;

namespace Sweep.Trainer.Tests.Data;

public sealed class ClassSubsetsTests
{
    // methods.md §7.1 cls_count, in label order.
    private static readonly int[] CaltechCounts =
    [
        467, 435, 200, 798, 55, 800, 42, 42, 47, 54, 46, 33, 128, 98, 43, 85, 91, 50, 43, 123, 47, 59, 62, 107, 47, 69, 73, 70, 50, 51,
        57, 67, 52, 65, 68, 75, 64, 53, 64, 85, 67, 67, 45, 34, 34, 51, 99, 100, 42, 54, 88, 80, 31, 64, 86, 114, 61, 81, 78, 41, 66,
        43, 40, 87, 32, 76, 55, 35, 39, 47, 38, 45, 53, 34, 57, 82, 59, 49, 40, 63, 39, 84, 57, 35, 64, 45, 86, 59, 64, 35, 85, 49,
        86, 75, 239, 37, 59, 34, 56, 39, 60,
    ];

    [Fact]
    public void PythonRoundingReproducesKtNCaltechSplitTotals()
    {
        Assert.Equal((0, 2, 2), (ClassSubsets.PythonRound(0.5), ClassSubsets.PythonRound(1.5), ClassSubsets.PythonRound(2.5)));
        var train = CaltechCounts.Sum(n => NCaltech101Dataset.Split([.. Enumerable.Range(0, n).Select(i => $"{i}")], 0).Train.Length);
        Assert.Equal((8709, 7839, 870), (CaltechCounts.Sum(), train, 8709 - train));
    }

    [Fact]
    public void FractionIsClassBalancedSeededAndOrdered()
    {
        var items = Enumerable.Range(0, 300).ToArray();
        int Label(int i) => i < 200 ? 0 : 1; // 200 of class 0, 100 of class 1
        var a = ClassSubsets.Fraction(items, Label, 0.25, 7);
        Assert.Equal([50, 25], ClassSubsets.Counts(a.Select(Label), 2));
        Assert.Equal(a, ClassSubsets.Fraction(items, Label, 0.25, 7));
        Assert.NotEqual(a, ClassSubsets.Fraction(items, Label, 0.25, 8));
        Assert.Equal(a.Order(), a);
        Assert.Equal([1, 1], ClassSubsets.Counts(ClassSubsets.Fraction(items, Label, 0.001, 7).Select(Label), 2));
    }

    [Fact]
    public void HeldOutSplitsIntoDisjointClassBalancedValAndTestBySeedAlone()
    {
        var items = Enumerable.Range(0, 60).ToArray();
        int Label(int i) => i % 3;   // 20 of each class, interleaved
        var val = ClassSubsets.HeldOut(items, Label, 0.25, HeldOutSplit.Val, 7);
        var test = ClassSubsets.HeldOut(items, Label, 0.25, HeldOutSplit.Test, 7);
        Assert.Equal([5, 5, 5], ClassSubsets.Counts(test.Select(Label), 3));
        Assert.Equal([15, 15, 15], ClassSubsets.Counts(val.Select(Label), 3));
        Assert.Empty(val.Intersect(test));
        Assert.Equal(items, val.Concat(test).Order());
        Assert.Equal(val.Order(), val);                       // kept in the held-out order
        Assert.Equal(test, ClassSubsets.HeldOut(items, Label, 0.25, HeldOutSplit.Test, 7));
        Assert.NotEqual(test, ClassSubsets.HeldOut(items, Label, 0.25, HeldOutSplit.Test, 8));
        Assert.Equal(items, ClassSubsets.HeldOut(items, Label, 0, HeldOutSplit.Val, 7));
        Assert.Empty(ClassSubsets.HeldOut(items, Label, 0, HeldOutSplit.Test, 7));
        // A class of two keeps one for each side; a class of one goes to test (val may not be all there is).
        int[] pair = [0, 1];
        Assert.Single(ClassSubsets.HeldOut(pair, _ => 0, 0.9, HeldOutSplit.Val, 1));
        Assert.Single(ClassSubsets.HeldOut(pair, _ => 0, 0.9, HeldOutSplit.Test, 1));
    }

    [Fact]
    public void ClassBalancedDrawsEqualiseImbalancedClasses()
    {
        var labels = Enumerable.Range(0, 4000).Select(i => i < 3600 ? 0 : 1).ToArray();
        var draws = EpochOrder.ClassBalanced(labels, 2, new Random(1));
        var counts = ClassSubsets.Counts(draws.Select(i => labels[i]), 2);
        Assert.Equal(4000, draws.Length);
        Assert.InRange(counts[1], 1800, 2200); // 10 % of the data, half of the draws
        Assert.True(draws.Distinct().Count() < draws.Length); // with replacement
    }
}
