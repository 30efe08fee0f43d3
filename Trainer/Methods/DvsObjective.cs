using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Models;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary><c>method: dvs</c>: direct training on events with the TET loss (the baseline).</summary>
public sealed class DvsObjective(RunConfig config) : IBatchObjective
{
    public IEnumerable<nn.Module> ExtraModules => [];

    public ObjectiveStep Compute(SpikingNetwork model, PairedBatch batch, BatchContext at)
    {
        var logits = model.ForwardDvs(batch.Dvs);
        return new ObjectiveStep(TetLoss.Compute(logits, batch.Labels, lambda: config.TetLambda, mseTarget: config.Threshold), logits);
    }
}
