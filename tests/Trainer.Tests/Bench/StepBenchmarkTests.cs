using Sweep.Trainer.Bench;
using Sweep.Trainer.Config;

namespace Sweep.Trainer.Tests.Bench;

/// <summary><c>sweep bench-train</c>'s timer: the real model, objective and AdamW on random batches.</summary>
[Collection(TorchCollection.Name)]
public sealed class StepBenchmarkTests
{
    private static RunConfig Tiny(string method) => RunConfigLoader.Load(null,
        [$"method={method}", "model=scnn", "dataset.frameSize=16", "timeSteps=2", "batchSize=4"], null);

    [Theory]
    [InlineData("dvs", false)]
    [InlineData("kt", false)]
    [InlineData("tmkt", false)]
    [InlineData("dvs", true)]
    [InlineData("tmkt", true)]
    public void Times_each_iteration_and_reports_memory(string method, bool likeRef)
    {
        var r = StepBenchmark.Run(Tiny(method), new StepBenchmarkOptions(Warmup: 1, Iters: 3, StepsPerIter: 2, LikeRef: likeRef), "cpu");
        Assert.Equal(likeRef ? method + "-like-ref" : method, r.Method);
        Assert.Equal(3, r.IterTimesS.Count);
        Assert.All(r.IterTimesS, t => Assert.True(t > 0));
        // 2 steps of 4 samples per iteration: the median rate is 8 samples over a median iteration time.
        Assert.InRange(r.SamplesPerSMed, r.SamplesPerSMin, r.SamplesPerSMax);
        Assert.Equal(8 / r.IterTimesS.Max(), r.SamplesPerSMin, 6);
        Assert.True(float.IsFinite((float)r.LossFinal) && r.LossFinal > 0);
        Assert.True(r.PeakRssMb >= r.RssAfterWarmupMb && r.RssAfterWarmupMb > 0, $"rss {r.RssAfterWarmupMb}, peak {r.PeakRssMb}");
    }

    [Fact]
    public void A_method_that_needs_a_teacher_is_refused_by_name()
    {
        var config = RunConfigLoader.Load(null, ["method=ann", "model=ann-cnn"], null);
        var e = Assert.Throws<ArgumentException>(() => StepBenchmark.Run(config, new StepBenchmarkOptions(), "cpu"));
        Assert.Contains("got ann", e.Message);
    }

    [Fact]
    public void Like_ref_has_no_kt_graph()
    {
        var e = Assert.Throws<ArgumentException>(() => StepBenchmark.Run(Tiny("kt"), new StepBenchmarkOptions(LikeRef: true), "cpu"));
        Assert.StartsWith("--like-ref", e.Message);
    }

    [Theory]
    [InlineData(-1, 8, 1, "--warmup")]
    [InlineData(3, 0, 1, "--iters")]
    [InlineData(3, 8, 0, "--steps")]
    public void Options_name_the_bad_one(int warmup, int iters, int steps, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new StepBenchmarkOptions(warmup, iters, steps).Validate());
        Assert.StartsWith(name, e.Message);
    }
}
