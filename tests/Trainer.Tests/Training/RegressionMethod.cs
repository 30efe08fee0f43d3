using Sweep.Trainer.Training;
using Sweep.Trainer.Training.Control;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Training;

/// <summary>
/// A real, tiny training method (a linear regression with AdamW) that exercises the session the way the SNN loops
/// will: resume, loss check, per-step stop, per-epoch progress and checkpoint. It can poison a step's loss with NaN
/// or deliver a stop request during a step, as a signal would.
/// </summary>
internal sealed class RegressionMethod(int stepsPerEpoch, long? nanAtStep = null, long? signalAtStep = null) : ITrainingMethod
{
    public TrainingOutcome Train(TrainingSession s)
    {
        manual_seed(s.Config.Seed + s.StartEpoch);
        using var model = nn.Linear(4, 1);
        var optimizer = optim.AdamW(model.parameters(), lr: s.Config.Lr);
        if (s.Resume is not null) s.Checkpoints.Restore(model, optimizer);
        double? val = null;
        for (var epoch = s.StartEpoch; epoch <= s.Config.Epochs; epoch++)
        {
            var stop = false;
            var loss = 0.0;
            for (var i = 0; i < stepsPerEpoch && !stop; i++)
            {
                using var scope = NewDisposeScope();
                var x = randn(16, 4);
                var l = nn.functional.mse_loss(model.forward(x), x.sum(1, keepdim: true));
                loss = s.GlobalStep + 1 == nanAtStep ? double.NaN : l.item<float>();
                s.CheckLoss(loss);
                optimizer.zero_grad();
                l.backward();
                optimizer.step();
                if (s.GlobalStep + 1 == signalAtStep) s.Control.Stop(StopReason.Terminated);
                stop = s.StepDone(epoch, loss, s.Config.Lr);
            }
            val = 1 / (1 + loss);
            s.EndEpoch(new EpochSummary(epoch, s.GlobalStep, loss, null, val, 100, s.Config.Lr), model, optimizer);
            if (stop) break;
        }
        return new TrainingOutcome(val, model.parameters().Sum(p => p.numel()));
    }
}
