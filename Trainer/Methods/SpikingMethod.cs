using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using Sweep.Trainer.Data;
using Sweep.Trainer.Models;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Schedules;
using Sweep.Trainer.Training;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// The one training loop of the spiking methods (dvs, kt, tmkt): data, model, AdamW with a per-step cosine schedule,
/// the method's batch objective, validation on events (and on the paired RGB sequences), progress and checkpoints
/// through the session. Runs on the calling thread: dispose scopes are per thread.
/// </summary>
public sealed class SpikingMethod(Func<Config.RunConfig, SpikingNetwork, IPairedDataset, IBatchObjective> objective) : ITrainingMethod
{
    public TrainingOutcome Train(TrainingSession s)
    {
        var c = s.Config;
        var device = torch.device(s.Device);
        var dataset = RunDataset.Create(c);
        var loader = new PairedBatchLoader(dataset, new BatchLoaderOptions { BatchSize = c.BatchSize, Seed = c.Seed, PairVal = true });
        var batches = loader.BatchesPerEpoch(DataSplit.Train);
        if (batches == 0)
            throw new InvalidOperationException($"batchSize {c.BatchSize} is larger than the {dataset.Count(DataSplit.Train)} training samples");
        using var model = RunModel.Create(c, dataset.ClassCount, dataset.FrameSize);
        var goal = objective(c, model, dataset);
        using var ownedGoal = goal as IDisposable;   // e.g. ckd's teacher
        using var bundle = new TrainableModules(model, goal.ExtraModules);
        bundle.to(device);
        var optimizer = Optimizers.AdamW(bundle, c.Lr, c.WeightDecay);
        if (s.Resume is not null) s.Checkpoints.Restore(bundle, optimizer);
        var schedule = new CosineLrSchedule(c.Lr, (long)c.Epochs * batches, (long)c.WarmupEpochs * batches, MinLr: c.MinLr);
        Evaluation.Result? last = null;
        for (var epoch = s.StartEpoch; epoch <= c.Epochs; epoch++)
        {
            var (stopped, train) = RunEpoch(s, model, goal, loader, optimizer, schedule, epoch, batches, device);
            last = Evaluation.Run(model, loader, device);
            s.EndEpoch(new EpochSummary(epoch, s.GlobalStep, train.Loss, train.Top1, last.DvsTop1, train.SamplesPerS, train.Lr),
                       bundle, optimizer);
            if (stopped) break;
        }
        return new TrainingOutcome(last?.DvsTop1, model.parameters().Sum(p => p.numel()), last?.SopsPerSample, last?.RgbTop1);
    }

    private static (bool Stopped, EpochTrainStats Stats) RunEpoch(TrainingSession s, SpikingNetwork model, IBatchObjective goal,
        PairedBatchLoader loader, OptimizerHelper optimizer, CosineLrSchedule schedule, int epoch, int batches, Device device)
    {
        model.train();
        var stats = new EpochTrainStats();
        var clock = Stopwatch.StartNew();
        long index = 0;
        foreach (var batch in loader.Batches(DataSplit.Train, epoch - 1, device))
        {
            NativeCallFence.SafePoint();
            using (batch)
            using (NewDisposeScope())
            {
                var lr = schedule.At(s.GlobalStep);
                Optimizers.SetLearningRate(optimizer, lr);
                var step = goal.Compute(model, batch, new BatchContext(index++, epoch - 1, batches, s.Config.Epochs));
                var loss = step.Loss.item<float>();
                s.CheckLoss(loss);
                optimizer.zero_grad();
                step.Loss.backward();
                optimizer.step();
                var correct = step.DvsLogits.mean([0]).argmax(1).eq(batch.Labels).sum().item<long>();
                stats.Add(loss, correct, batch.Labels.shape[0], lr, clock.Elapsed.TotalSeconds);
            }
            if (s.StepDone(epoch, stats.LastLoss, stats.Lr, stats.SamplesPerS, stats.Top1)) return (true, stats);
        }
        return (false, stats);
    }
}
