using Sweep.Trainer.Snn;
using Sweep.Trainer.Config;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Models;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// KT's two-branch loss (methods.md §2.1 step 5), shared by kt, tmkt and ckd: TET on branch A unweighted, TET on the
/// DVS branch weighted by 1−σ(η_t), and β·(1/T)Σ σ(η_t)(1−|CKA_t|); without STR every weight is 1.
/// </summary>
public static class TransferLoss
{
    public static Tensor Compute(RunConfig config, SpikingNetwork model, TwoBranchOutput output, Tensor labels)
    {
        var eta = model.Coefficients;
        var str = config.Kt.Str;
        var lossA = TetLoss.Compute(output.LogitsA, labels, lambda: config.TetLambda, mseTarget: config.Threshold);
        var lossB = TetLoss.Compute(output.LogitsB, labels, str ? StrWeights.Classification(eta) : null, config.TetLambda, config.Threshold);
        var domain = DomainLoss.Compute(output.CkaA, output.CkaB, str ? StrWeights.Domain(eta) : null);
        return lossA.add(lossB).add(domain.Mul(config.Kt.DomainWeight));
    }
}
