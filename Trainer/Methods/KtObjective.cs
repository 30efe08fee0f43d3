using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Models;
using Sweep.Trainer.Schedules;
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
        var dvs = batch.Dvs;
        var p = SlidingReplacement.Probability(at.BatchIndex, at.Epoch, at.BatchesPerEpoch, at.Epochs, config.Kt.Pow);
        var replace = rand(new[] { dvs.shape[1] }, generator: _rng).lt(p).view(1, -1, 1, 1, 1);
        var inputA = where(replace, dvs, TransferInputs.RgbSequence(config, batch));
        var output = model.Forward(inputA, dvs);
        return new ObjectiveStep(TransferLoss.Compute(config, model, output, batch.Labels), output.LogitsB);
    }
}
