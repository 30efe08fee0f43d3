using Sweep.Trainer.Snn;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Losses;

/// <summary>
/// TET classification loss (methods.md §1.6): (1−λ)(1/T)Σ_t w_t·CE(o_t, y) + λ(1/T)Σ_t w_t·MSE(o_t, V_th),
/// w_t = 1 unless per-step weights are given (STR on the DVS branch: w_t = 1 − σ(η_t), §2.1).
/// </summary>
public static class TetLoss
{
    public const double DefaultLambda = 1e-3;

    /// <param name="logits">[T,B,K] per-step logits.</param>
    /// <param name="labels">[B] class indices (int64).</param>
    /// <param name="stepWeights">[T] weights, or null for 1.</param>
    /// <param name="mseTarget">KT uses the threshold V_th = 0.5.</param>
    public static Tensor Compute(Tensor logits, Tensor labels, Tensor? stepWeights = null,
        double lambda = DefaultLambda, double mseTarget = 0.5)
    {
        using var scope = NewDisposeScope();
        var steps = logits.shape[0];
        var batch = logits.shape[1];
        var folded = logits.flatten(0, 1);
        var repeated = labels.repeat(steps);
        var ce = functional.cross_entropy(folded, repeated, reduction: Reduction.None).view(steps, batch).mean([1]);
        var mse = logits.Sub(mseTarget).square().mean([1, 2]);
        if (stepWeights is not null)
        {
            ce = ce.mul(stepWeights);
            mse = mse.mul(stepWeights);
        }
        return ce.mean().Mul(1.0 - lambda).add(mse.mean().Mul(lambda)).MoveToOuterDisposeScope();
    }

    /// <summary>Without <c>--TET-loss</c>: CE of the time-averaged logits.</summary>
    public static Tensor MeanLogitCrossEntropy(Tensor logits, Tensor labels)
    {
        using var mean = logits.mean([0]);
        return functional.cross_entropy(mean, labels);
    }
}
