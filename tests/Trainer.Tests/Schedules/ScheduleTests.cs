using Sweep.Trainer.Snn;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Schedules;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Schedules;

[Collection(TorchCollection.Name)]
public sealed class ScheduleTests
{
    [Theory]
    [InlineData(0, 0, 10, 100, 3, 0.0)]
    [InlineData(5, 49, 10, 100, 3, 0.125)]       // progress = (5 + 490)/1000 = 0.495 → 0.495³
    [InlineData(0, 100, 10, 100, 3, 1.0)]
    [InlineData(0, 150, 10, 100, 3, 1.0)]
    [InlineData(5, 49, 10, 100, 1, 0.495)]
    public void SlidingReplacementIsProgressToThePower(long i, long e, long nb, double epochs, double pow, double expected)
    {
        var p = SlidingReplacement.Probability(i, e, nb, epochs, pow);
        Assert.Equal(expected == 0.125 ? Math.Pow(0.495, 3) : expected, p, 12);
    }

    [Theory]
    [InlineData(10, 0.1, 0.0193)]
    [InlineData(10, 0.3, 0.0661)]
    [InlineData(10, 0.5, 0.1312)]
    [InlineData(10, 0.7, 0.2373)]
    [InlineData(10, 0.9, 0.4998)]
    [InlineData(6, 0.5, 0.1954)]
    [InlineData(12, 0.5, 0.1126)]
    public void MixupProbabilityMatchesTheMethodsTable(int steps, double ratio, double p)
    {
        var solved = TimeStepMixup.SolveProbability(ratio, steps);
        Assert.Equal(p, solved, 4);
        Assert.Equal(ratio, TimeStepMixup.ExpectedRatio(solved, steps), 9);
    }

    [Fact]
    public void SampledTruncationPointsRealiseTheExpectedRatio()
    {
        TorchRuntime.Initialize();
        using var scope = NewDisposeScope();
        const int steps = 10;
        const double ratio = 0.3;
        var p = TimeStepMixup.SolveProbability(ratio, steps);
        var (first, modality) = TimeStepMixup.Sample(p, steps, 20_000, new Generator(42));
        // Frames from t* on are events, none before: the mask is monotone in t and agrees with t*.
        Assert.True(modality.diff(dim: 0).Ge(0).all().item<bool>());
        Assert.True(modality.sum([0]).add(first).Eq(steps).all().item<bool>());
        var realised = modality.mean().item<float>();
        Assert.InRange(realised, ratio - 0.01, ratio + 0.01);
        // Same seed, same draw.
        var (again, _) = TimeStepMixup.Sample(p, steps, 20_000, new Generator(42));
        Assert.True(first.eq(again).all().item<bool>());
    }

    [Fact]
    public void MixRatioIsFixedOrRamped()
    {
        Assert.Equal(0.4, MixRatioSchedule.Fixed(0.4).At(0.7), 12);
        var ramp = MixRatioSchedule.Ramp(0.1, 0.9, 2);
        Assert.Equal(0.1, ramp.At(0), 12);
        Assert.Equal(0.1 + 0.8 * 0.25, ramp.At(0.5), 12);
        Assert.Equal(0.9, ramp.At(1.5), 12);
    }

    [Fact]
    public void KdWeightStepsDownSmoothly()
    {
        var w = new KdWeightSchedule(0.3, 0.7, 10);
        Assert.Equal(1.0, w.At(0.1));
        Assert.Equal(1.0, w.At(0.3), 12);
        Assert.Equal(0.5, w.At(0.5), 12);
        Assert.Equal(0.0, w.At(0.7), 12);
        Assert.Equal(0.0, w.At(0.9));
        var previous = 1.0;
        for (var x = 0.3; x <= 0.7; x += 0.01)
        {
            Assert.True(w.At(x) <= previous + 1e-12);
            previous = w.At(x);
        }
        Assert.InRange(w.At(0.35), 0.9, 1.0);
    }

    [Fact]
    public void CosineWithWarmupFollowsTimm()
    {
        var s = new CosineLrSchedule(BaseLr: 1e-3, TotalSteps: 100, WarmupSteps: 5, WarmupLr: 1e-6, MinLr: 1e-5);
        Assert.Equal(1e-6, s.At(0), 15);
        Assert.Equal(1e-6 + 2 * (1e-3 - 1e-6) / 5, s.At(2), 15);
        Assert.Equal(1e-5 + 0.5 * (1e-3 - 1e-5) * (1 + Math.Cos(Math.PI * 0.5)), s.At(50), 15);
        Assert.Equal(1e-5, s.At(100), 15);
        Assert.Equal(1e-5, s.At(105), 15);
        var prefixed = s with { WarmupPrefix = true };
        Assert.Equal(1e-3, prefixed.At(5), 15);
        Assert.Equal(120 * 5e-3 / 1024, CosineLrSchedule.ScaleLr(5e-3, 120), 15);
    }
}
