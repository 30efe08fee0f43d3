using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using Sweep.Trainer.Models;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// <c>method: kt</c> (methods.md §2.1): category-matched RGB, sample-level sliding replacement with the sample's own
/// events (P = progress^pow), both branches through the shared network, L = L_A + L_B + β·L_DA with STR weights.
/// </summary>
public sealed class KtObjective(RunConfig config) : IBatchObjective
{
    private readonly Generator _rng = new((ulong)config.Seed);

    public IEnumerable<nn.Module> ExtraModules => [];

    public ObjectiveStep Compute(SpikingNetwork model, PairedBatch batch, BatchContext at)
    {
        var output = model.Forward(TransferInputs.SlidingReplaced(config, batch, at, _rng), batch.Dvs);
        return new ObjectiveStep(TransferLoss.Compute(config, model, output, batch.Labels), output.LogitsB);
    }
}
