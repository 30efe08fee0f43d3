using Sweep.Trainer.Data;
using Sweep.Trainer.Runtime;
using TorchSharp;

namespace Sweep.Trainer.Tests.Data;

public sealed class PairedBatchLoaderTests
{
    private static readonly SyntheticDataset Dataset =
        new(new DatasetOptions { Classes = 4, SamplesPerClass = 6, SensorSize = 24, FrameSize = 12, TimeSteps = 3, Seed = 3 });

    [Fact]
    public void TensorBatchesAreTimeMajorWithCategoryMatchedRgb()
    {
        TorchRuntime.Initialize();
        using var scope = torch.NewDisposeScope();
        var loader = new PairedBatchLoader(Dataset, new BatchLoaderOptions { BatchSize = 6, Seed = 1 });
        var batches = loader.Batches(DataSplit.Train, 0).ToList();
        Assert.Equal(3, batches.Count); // 20 train samples (1 of 6 held out per class), batch 6, drop_last
        var b = batches[0];
        Assert.Equal([3L, 6, 2, 12, 12], b.Dvs.shape);
        Assert.Equal([6L, 1, 12, 12], b.RgbValue!.shape);
        Assert.Equal([6L, 3, 12, 12], b.RgbColour!.shape);
        Assert.Equal(torch.ScalarType.Int64, b.Labels.dtype);
        var val = loader.Batches(DataSplit.Val, 0).ToList();
        Assert.Equal(4, val.Sum(v => (int)v.Labels.shape[0])); // no drop_last, all 4 held-out samples
        Assert.Null(val[0].RgbValue);
    }

    [Fact]
    public void HostBatchesMatchSamplesAndDoNotDependOnPrefetch()
    {
        var sync = new PairedBatchLoader(Dataset, new BatchLoaderOptions { BatchSize = 4, Seed = 2, Prefetch = 0 });
        var ahead = new PairedBatchLoader(Dataset, new BatchLoaderOptions { BatchSize = 4, Seed = 2, Prefetch = 2 });
        var a = sync.HostBatches(DataSplit.Train, 1).ToList();
        var b = ahead.HostBatches(DataSplit.Train, 1).ToList();
        Assert.Equal(a.Count, b.Count);
        for (var k = 0; k < a.Count; k++)
        {
            Assert.Equal(a[k].Dvs, b[k].Dvs);
            Assert.Equal(a[k].RgbValue, b[k].RgbValue);
            Assert.Equal(a[k].Labels, b[k].Labels);
        }
        Assert.NotEqual(a[0].Labels.Concat(a[1].Labels), sync.HostBatches(DataSplit.Train, 2).SelectMany(h => h.Labels).Take(8));
        // Sample i of the batch sits at [t, i] in the time-major layout; its RGB image has its label.
        var plan = sync.Plan(DataSplit.Val, 0)[0];
        var host = sync.Build(DataSplit.Val, 0, 0, plan);
        var second = Dataset.GetDvs(DataSplit.Val, plan[1]).Frames;
        var frame = 2 * 12 * 12;
        Assert.Equal(second.Data.AsSpan(frame, frame).ToArray(), host.Dvs.AsSpan((1 * plan.Length + 1) * frame, frame).ToArray());
    }

    [Fact]
    public void ClassBalancedTrainingDrawsWithReplacementAndPrefetchStopsEarly()
    {
        var balanced = new SyntheticDataset(new DatasetOptions
        {
            Classes = 4, SamplesPerClass = 6, SensorSize = 24, FrameSize = 12, TimeSteps = 3, Sampler = TrainSampling.ClassBalanced,
        });
        var loader = new PairedBatchLoader(balanced, new BatchLoaderOptions { BatchSize = 4, Prefetch = 1 });
        var plan = loader.Plan(DataSplit.Train, 0).SelectMany(i => i).ToArray();
        Assert.Equal(20, plan.Length);
        Assert.Single(loader.HostBatches(DataSplit.Train, 0).Take(1)); // disposing the enumerator stops the worker
        Assert.Throws<ArgumentException>(() => new PairedBatchLoader(balanced, new BatchLoaderOptions { BatchSize = 0 }));
    }
}
