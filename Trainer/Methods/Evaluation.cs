using Sweep.Trainer.Data;
using Sweep.Trainer.Models;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// Validation: top-1 of the time-averaged DVS-head logits on events, and the same model on each val sample's
/// category-matched RGB sequence (V repeated over T): the check that the RGB path learned. SOPs per sample are
/// counted on the event pass only (<see cref="SynapticOpCounter"/>): that is the deployed workload.
/// </summary>
public static class Evaluation
{
    public sealed record Result(double DvsTop1, double? RgbTop1, double? SopsPerSample = null);

    public static Result Run(SpikingNetwork model, PairedBatchLoader loader, Device device)
    {
        model.eval();
        using var _ = no_grad();
        using var sops = new SynapticOpCounter(model.SynapticLayers);
        long seen = 0, dvsCorrect = 0, rgbCorrect = 0, rgbSeen = 0;
        foreach (var batch in loader.Batches(DataSplit.Val, 0, device))
        {
            NativeCallFence.SafePoint();
            using (batch)
            using (NewDisposeScope())
            {
                sops.Enabled = true;
                dvsCorrect += Correct(model.ForwardDvs(batch.Dvs), batch.Labels);
                sops.Enabled = false;
                seen += batch.Labels.shape[0];
                if (batch.RgbValue is null) continue;
                rgbCorrect += Correct(model.ForwardDvs(RgbSequence.Of(batch.RgbValue, batch.Dvs.shape[0])), batch.Labels);
                rgbSeen += batch.Labels.shape[0];
            }
        }
        return new Result(seen == 0 ? 0 : (double)dvsCorrect / seen, rgbSeen == 0 ? null : (double)rgbCorrect / rgbSeen,
                          seen == 0 ? null : sops.Total / seen);
    }

    private static long Correct(Tensor logits, Tensor labels) => logits.mean([0]).argmax(1).eq(labels).sum().item<long>();
}
