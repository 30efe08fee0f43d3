using Sweep.Trainer.Data;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Methods;
using Sweep.Trainer.Models;
using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Bench;

/// <summary>
/// The training graph of <c>ref_snn.py</c>'s variants, for a like-for-like speed comparison (<c>--like-ref</c>).
/// dvs: CE of the time-mean logits. tmkt: ONE branch on a per-step Bernoulli mix of RGB-V and DVS frames (ratio
/// r ~ U(0,1) per sample), CE + 0.1·CE(modality head per step) + 0.1·MSE(σ(ratio head on mean features), mean mask).
/// The real TMKT (two branches, CKA, TET, MAG, MRP) costs about twice that; the benchmark reports both.
/// </summary>
public sealed class RefSnnObjective : IBatchObjective
{
    private readonly bool mixed;
    private readonly Linear modality;
    private readonly Linear ratio;

    public RefSnnObjective(bool mixed, long featureDim)
    {
        this.mixed = mixed;
        modality = Linear(featureDim, 2);
        ratio = Linear(featureDim, 1);
    }

    public IEnumerable<Module> ExtraModules => mixed ? [modality, ratio] : [];

    public ObjectiveStep Compute(SpikingNetwork model, PairedBatch batch, BatchContext at)
    {
        if (!mixed)
        {
            var logits = model.ForwardDvs(batch.Dvs);
            return new ObjectiveStep(TetLoss.MeanLogitCrossEntropy(logits, batch.Labels), logits);
        }
        var (steps, size) = (batch.Dvs.shape[0], batch.Dvs.shape[1]);
        var rgb = RgbSequence.Of(batch.RgbValue!, steps);
        var mask = rand(steps, size).lt(rand(size));
        var branch = model.RunBranch(where(mask.view(steps, size, 1, 1, 1), rgb, batch.Dvs), BranchHead.B, withCka: false);
        var classification = TetLoss.MeanLogitCrossEntropy(branch.Logits, batch.Labels);
        var perStep = functional.cross_entropy(modality.call(branch.Features.flatten(0, 1)), mask.flatten().to(ScalarType.Int64));
        var predicted = ratio.call(branch.Features.mean([0])).sigmoid().squeeze(1);
        var realised = functional.mse_loss(predicted, mask.to(ScalarType.Float32).mean([0]));
        return new ObjectiveStep(classification.add(perStep.Mul(0.1)).add(realised.Mul(0.1)), branch.Logits);
    }
}
