using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Losses;

/// <summary>KT's domain alignment loss (methods.md §2.1): L_DA = (1/T)Σ_t w_t·(1 − |CKA_t|),
/// w_t = σ(η_t) with STR, else 1.</summary>
public static class DomainLoss
{
    /// <param name="ckaA">[T,B,...] branch-A CKA tensors.</param>
    /// <param name="ckaB">[T,B,...] branch-B CKA tensors.</param>
    /// <param name="stepWeights">[T] w_t, or null for 1.</param>
    public static Tensor Compute(Tensor ckaA, Tensor ckaB, Tensor? stepWeights = null)
    {
        using var scope = NewDisposeScope();
        var perStep = LinearCka.PerStep(ckaA, ckaB).abs().OneMinus();
        if (stepWeights is not null) perStep = perStep.mul(stepWeights);
        return perStep.mean().MoveToOuterDisposeScope();
    }
}
