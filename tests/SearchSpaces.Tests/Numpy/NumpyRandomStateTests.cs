using Sweep.SearchSpaces.Samplers.Numpy;
using Sweep.SearchSpaces.Tests.Tpe;

namespace Sweep.SearchSpaces.Tests.Numpy;

public sealed class NumpyRandomStateTests
{
    [Fact]
    public void Seeded_stream_matches_numpy_draw_for_draw()
    {
        var g = Golden.Get("rng");
        var rs = new NumpyRandomState(g.GetProperty("seed").GetInt32());
        Assert.Equal(g.GetProperty("random_sample").Doubles(), Enumerable.Range(0, 5).Select(_ => rs.RandomSample()));
        Assert.Equal(g.GetProperty("uniform").Doubles(), Enumerable.Range(0, 3).Select(_ => rs.Uniform(-3.0, 7.0)));
        var choice = new int[10];
        rs.Choice(g.GetProperty("choice_p").Doubles(), choice, new double[4]);
        Assert.Equal(g.GetProperty("choice").Ints(), choice);
        var expectedInts = g.GetProperty("randint").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var ints = Enumerable.Range(0, 5).Select(_ => rs.RandInt(0, 10))
            .Concat(Enumerable.Range(0, 3).Select(_ => rs.RandInt(5, 5 + (1L << 40))));
        Assert.Equal(expectedInts, ints);
    }

    [Fact]
    public void Stream_stays_in_step_across_the_state_reload()
    {
        var rs = new NumpyRandomState(7);
        for (var i = 0; i < 1000; i++) rs.RandomSample();
        Assert.Equal(Golden.Get("rng").GetProperty("seed7_after_2000_words").Doubles(), Enumerable.Range(0, 3).Select(_ => rs.RandomSample()));
    }

    [Fact]
    public void ArgSort_reproduces_numpy_order_of_ties()
    {
        foreach (var c in Golden.Get("argsort").EnumerateArray())
        {
            var v = c.GetProperty("v").Doubles();
            var idx = new int[v.Length];
            NumpySort.ArgSort(v, idx);
            Assert.Equal(c.GetProperty("argsort").Ints(), idx);
        }
    }

    [Fact]
    public void PairwiseSum_is_bit_identical_to_np_sum()
    {
        foreach (var c in Golden.Get("pairwise_sum").EnumerateArray())
            Assert.Equal(c.GetProperty("sum").GetDouble(), NumpyMath.PairwiseSum(c.GetProperty("v").Doubles()));
    }

    [Fact]
    public void RandInt_rejects_an_empty_range() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(1).RandInt(3, 3));
}
