using Sweep.Trainer.Data;

namespace Sweep.Trainer.Tests.Data;

public sealed class SyntheticDatasetTests
{
    private static DatasetOptions Small(int seed = 1) =>
        new() { Classes = 6, SamplesPerClass = 5, SensorSize = 32, FrameSize = 16, TimeSteps = 4, Seed = seed };

    [Fact]
    public void SplitsAndLabelsFollowTheOptions()
    {
        var d = new SyntheticDataset(Small());
        Assert.Equal((6, 24, 6), (d.ClassCount, d.Count(DataSplit.Train), d.Count(DataSplit.Val)));
        Assert.Equal([4, 4, 4, 4, 4, 4], ClassSubsets.Counts(Enumerable.Range(0, 24).Select(i => d.LabelOf(DataSplit.Train, i)), 6));
        var half = new SyntheticDataset(Small() with { TrainFraction = 0.5, RgbFraction = 0.25 });
        Assert.Equal(12, half.Count(DataSplit.Train));
        Assert.All(Enumerable.Range(0, 6), c => Assert.Single(half.RgbPool(c)));
    }

    [Fact]
    public void TestSplitIsKeptBackFromValAndIsTheSameForEveryTrainingRun()
    {
        var options = Small() with { SamplesPerClass = 20, TestFraction = 0.5 };   // 4 held out a class: 2 val, 2 test
        var val = new SyntheticDataset(options);
        var test = new SyntheticDataset(options with { EvalSplit = HeldOutSplit.Test });
        Assert.Equal((12, 12, 96), (val.Count(DataSplit.Val), test.Count(DataSplit.Val), test.Count(DataSplit.Train)));
        var valScenes = Enumerable.Range(0, 12).Select(i => val.SceneId(DataSplit.Val, i)).ToHashSet();
        var testScenes = Enumerable.Range(0, 12).Select(i => test.SceneId(DataSplit.Val, i)).ToList();
        Assert.DoesNotContain(testScenes, valScenes.Contains);
        Assert.Equal([2, 2, 2, 2, 2, 2], ClassSubsets.Counts(Enumerable.Range(0, 12).Select(i => test.LabelOf(DataSplit.Val, i)), 6));
        var whole = new SyntheticDataset(options with { TestFraction = 0 });
        Assert.Equal(24, whole.Count(DataSplit.Val));
        var e = Assert.Throws<ArgumentException>(() => new SyntheticDataset(options with { TestFraction = 0, EvalSplit = HeldOutSplit.Test }));
        Assert.StartsWith("dataset.evalSplit test needs dataset.testFraction above 0", e.Message);
    }

    [Fact]
    public void GenerationIsDeterministicBySeed()
    {
        var a = new SyntheticDataset(Small(1)).GetDvs(DataSplit.Train, 3);
        var b = new SyntheticDataset(Small(1)).GetDvs(DataSplit.Train, 3);
        var c = new SyntheticDataset(Small(2)).GetDvs(DataSplit.Train, 3);
        Assert.Equal(a.Data(), b.Data());
        Assert.NotEqual(a.Data(), c.Data());
        Assert.Equal([4L, 2, 16, 16], a.Frames.Shape);
        var rgbA = new SyntheticDataset(Small(1)).GetRgbForClass(2, new Random(9));
        var rgbB = new SyntheticDataset(Small(1)).GetRgbForClass(2, new Random(9));
        Assert.Equal(rgbA.Value, rgbB.Value);
        Assert.Equal(2, rgbA.Label);
    }

    [Fact]
    public void EventsAreSparseAndBothPolaritiesOccur()
    {
        var d = new SyntheticDataset(Small() with { SensorSize = 48 });
        var events = d.Events(d.SceneId(DataSplit.Train, 0));
        var perPixelPerStep = events.Count / (48.0 * 48 * EventSensorEmulator.SubSteps);
        Assert.InRange(perPixelPerStep, 0.002, 0.2);
        Assert.Contains((byte)0, events.P);
        Assert.Contains((byte)1, events.P);
        Assert.True(events.T.Zip(events.T.Skip(1)).All(p => p.First <= p.Second));
        var frames = EventFramer.ToFrames(events, 4, 48, 48);
        var active = frames.Data.Count(v => v > 0) / (double)frames.Data.Length;
        Assert.InRange(active, 0.005, 0.3);
    }

    [Fact]
    public void NoiseKeyAddsEvents()
    {
        var quiet = new SyntheticDataset(Small() with { Noise = 0, HotPixels = 0 });
        var noisy = new SyntheticDataset(Small() with { Noise = 50 });
        var id = quiet.SceneId(DataSplit.Train, 0);
        Assert.True(noisy.Events(id).Count > quiet.Events(id).Count + 32 * 32 * 50 * 0.1 * 0.8);
    }
}
