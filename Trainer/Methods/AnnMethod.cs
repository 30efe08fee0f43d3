using System.Diagnostics;
using Sweep.Trainer.Data;
using Sweep.Trainer.Models;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Schedules;
using Sweep.Trainer.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// <c>method: ann</c>: trains CKD's ANN teacher (<c>ann-resnet18</c>, or the small <c>ann-cnn</c>) on the dataset's colour RGB images with
/// cross-entropy, AdamW and the per-step cosine schedule of the spiking methods. val_top1 is RGB accuracy. It saves
/// the bare network per epoch, so <c>ckd.teacher</c> can point at this run's checkpoints folder.
/// </summary>
public sealed class AnnMethod : ITrainingMethod
{
    public TrainingOutcome Train(TrainingSession s)
    {
        var c = s.Config;
        var device = torch.device(s.Device);
        var dataset = RunDataset.Create(c);
        var loader = new PairedBatchLoader(dataset, new BatchLoaderOptions { BatchSize = c.BatchSize, Seed = c.Seed });
        var batches = loader.BatchesPerEpoch(DataSplit.Train);
        if (batches == 0)
            throw new InvalidOperationException($"batchSize {c.BatchSize} is larger than the {dataset.Count(DataSplit.Train)} training samples");
        var data = new RgbBatches(dataset, loader, c.Seed);
        using var model = AnnModels.Create(c.Model, dataset.ClassCount, dataset.FrameSize);
        model.to(device);
        var optimizer = Optimizers.AdamW(model, c.Lr, c.WeightDecay);
        if (s.Resume is not null) s.Checkpoints.Restore(model, optimizer);
        var schedule = new CosineLrSchedule(c.Lr, (long)c.Epochs * batches, (long)c.WarmupEpochs * batches, MinLr: c.MinLr);
        double? last = null;
        for (var epoch = s.StartEpoch; epoch <= c.Epochs; epoch++)
        {
            var (stopped, train) = RunEpoch(s, model, data, optimizer, schedule, epoch, device);
            last = Validate(model, data, device);
            s.EndEpoch(new EpochSummary(epoch, s.GlobalStep, train.Loss, train.Top1, last, train.SamplesPerS, train.Lr), model, optimizer);
            if (stopped) break;
        }
        // No SOPs: an ANN's cost is MACs, and it is not the deployed network.
        return new TrainingOutcome(last, model.parameters().Sum(p => p.numel()), null, last);
    }

    private static (bool Stopped, EpochTrainStats Stats) RunEpoch(TrainingSession s, nn.Module<Tensor, Tensor> model, RgbBatches data,
        OptimizerHelper optimizer, CosineLrSchedule schedule, int epoch, Device device)
    {
        model.train();
        var stats = new EpochTrainStats();
        var clock = Stopwatch.StartNew();
        foreach (var (images, labels) in data.Batches(DataSplit.Train, epoch - 1, device))
        {
            NativeCallFence.SafePoint();
            using (images)
            using (labels)
            using (NewDisposeScope())
            {
                var lr = schedule.At(s.GlobalStep);
                Optimizers.SetLearningRate(optimizer, lr);
                var logits = model.call(images);
                var loss = nn.functional.cross_entropy(logits, labels);
                var value = loss.item<float>();
                s.CheckLoss(value);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                stats.Add(value, logits.argmax(1).eq(labels).sum().item<long>(), labels.shape[0], lr, clock.Elapsed.TotalSeconds);
            }
            if (s.StepDone(epoch, stats.LastLoss, stats.Lr, stats.SamplesPerS, stats.Top1)) return (true, stats);
        }
        return (false, stats);
    }

    private static double Validate(nn.Module<Tensor, Tensor> model, RgbBatches data, Device device)
    {
        model.eval();
        using var _ = no_grad();
        long seen = 0, correct = 0;
        foreach (var (images, labels) in data.Batches(DataSplit.Val, 0, device))
        {
            NativeCallFence.SafePoint();
            using (images)
            using (labels)
            using (NewDisposeScope())
            {
                correct += model.call(images).argmax(1).eq(labels).sum().item<long>();
                seen += labels.shape[0];
            }
        }
        return seen == 0 ? 0 : (double)correct / seen;
    }
}
