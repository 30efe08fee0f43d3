using System.Collections.Immutable;

namespace Sweep.Grains.Tests.Storage;

/// <summary>The shapes sweep state uses: immutable collections, an enum, a nullable, a counter.</summary>
[GenerateSerializer, Immutable, Alias("sweep.tests.SampleState")]
public sealed record SampleState(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableArray<int> Values,
    [property: Id(2)] ImmutableDictionary<string, double> Scores,
    [property: Id(3)] SampleKind Kind,
    [property: Id(4)] double? Best,
    [property: Id(5)] long Counter)
{
    public static SampleState Example(long counter = 0, double? best = 0.75) => new(
        "trial-7",
        [3, 1, 4, 1, 5],
        ImmutableDictionary<string, double>.Empty.Add("lr", 3e-4).Add("val/top1", 0.8125),
        SampleKind.Running,
        best,
        counter);

    /// <summary>Value equality (record equality compares immutable collections by reference).</summary>
    public static void AssertEquivalent(SampleState expected, SampleState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Values.AsEnumerable(), actual.Values.AsEnumerable());
        Assert.Equal(expected.Scores.OrderBy(p => p.Key), actual.Scores.OrderBy(p => p.Key));
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Best, actual.Best);
        Assert.Equal(expected.Counter, actual.Counter);
    }
}
