using System.Collections.Concurrent;
using TorchSharp;

namespace Sweep.Trainer.Data;

/// <summary>
/// Batches of a paired dataset. Every batch draws its pairing and augmentation from a Random derived from
/// (seed, split, epoch, batch index), so results do not depend on prefetching. Host arrays may be built on
/// one background thread; tensors are created on the enumerating (training) thread.
/// </summary>
public sealed class PairedBatchLoader
{
    private readonly IPairedDataset dataset;
    private readonly BatchLoaderOptions options;

    /// <summary>Creates a loader; throws when the options are invalid.</summary>
    public PairedBatchLoader(IPairedDataset dataset, BatchLoaderOptions options)
    {
        options.Validate();
        this.dataset = dataset;
        this.options = options;
    }

    /// <summary>Batches per epoch of a split (after drop-last).</summary>
    public int BatchesPerEpoch(DataSplit split)
    {
        var n = dataset.Count(split);
        var b = options.BatchSize;
        return DropLast(split) ? n / b : (n + b - 1) / b;
    }

    /// <summary>Sample indices of every batch of an epoch, in order.</summary>
    public IReadOnlyList<int[]> Plan(DataSplit split, int epoch)
    {
        var order = EpochOrder.For(dataset, split, SeedMix.Rng(options.Seed, (long)split, epoch, -1));
        return [.. order.Chunk(options.BatchSize).Take(BatchesPerEpoch(split))];
    }

    /// <summary>Tensor batches for one epoch (see <see cref="PairedBatch"/> for shapes).</summary>
    public IEnumerable<PairedBatch> Batches(DataSplit split, int epoch, torch.Device? device = null)
    {
        device ??= torch.CPU;
        foreach (var host in HostBatches(split, epoch)) yield return new PairedBatch(host, device);
    }

    /// <summary>Array batches for one epoch, prefetched when <see cref="BatchLoaderOptions.Prefetch"/> &gt; 0.</summary>
    public IEnumerable<HostBatch> HostBatches(DataSplit split, int epoch)
    {
        var plan = Plan(split, epoch);
        return options.Prefetch == 0
            ? plan.Select((indices, k) => Build(split, epoch, k, indices))
            : Prefetched(split, epoch, plan);
    }

    /// <summary>Builds one batch from sample indices of a split.</summary>
    public HostBatch Build(DataSplit split, int epoch, int batchIndex, int[] indices)
    {
        var rng = SeedMix.Rng(options.Seed, (long)split, epoch, batchIndex);
        var augment = split == DataSplit.Train ? rng : null;
        var paired = split == DataSplit.Train || options.PairVal;
        int b = indices.Length, t = dataset.TimeSteps, s = dataset.FrameSize;
        var frame = EventFramer.Polarities * s * s;
        var dvs = new float[t * b * frame];
        var value = paired ? new float[b * s * s] : null;
        var colour = paired ? new float[b * 3 * s * s] : null;
        var labels = new long[b];
        for (var i = 0; i < b; i++)
        {
            var sample = dataset.GetDvs(split, indices[i], augment);
            labels[i] = sample.Label;
            // [T, 2, H, W] per sample → time-major [T, B, 2, H, W].
            for (var step = 0; step < t; step++)
                Array.Copy(sample.Frames.Data, step * frame, dvs, (step * b + i) * frame, frame);
            if (!paired) continue;
            var rgb = dataset.GetRgbForClass(sample.Label, rng);
            Array.Copy(rgb.Value, 0, value!, i * s * s, s * s);
            Array.Copy(rgb.Colour, 0, colour!, i * 3 * s * s, 3 * s * s);
        }
        return new HostBatch(dvs, value, colour, labels, t, s);
    }

    private bool DropLast(DataSplit split) => split == DataSplit.Train ? options.DropLastTrain : options.DropLastVal;

    private IEnumerable<HostBatch> Prefetched(DataSplit split, int epoch, IReadOnlyList<int[]> plan)
    {
        using var queue = new BlockingCollection<HostBatch>(options.Prefetch);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                for (var k = 0; k < plan.Count && !stop.IsCancellationRequested; k++)
                    queue.Add(Build(split, epoch, k, plan[k]), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early.
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "sweep-data-prefetch" };
        worker.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable()) yield return batch;
            if (failure is not null) throw new InvalidOperationException($"data prefetch failed: {failure.Message}", failure);
        }
        finally
        {
            stop.Cancel();
            worker.Join();
        }
    }
}
