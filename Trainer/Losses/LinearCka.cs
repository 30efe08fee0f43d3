using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Losses;

/// <summary>
/// Linear CKA (methods.md §1.5, KT's CKA.py): K = XXᵀ, L = YYᵀ, double-centred (biased), 
/// CKA = ⟨K̃,L̃⟩_F / (‖K̃‖_F‖L̃‖_F + ε). No detach: both inputs receive gradients.
/// </summary>
public static class LinearCka
{
    public const double DefaultEpsilon = 1e-7;

    /// <summary>Per-step CKA: features [T,B,...] (flattened to [T,B,D]) → [T].</summary>
    public static Tensor PerStep(Tensor x, Tensor y, double epsilon = DefaultEpsilon)
    {
        using var scope = NewDisposeScope();
        var xs = x.flatten(2);
        var ys = y.flatten(2);
        var k = Center(xs.bmm(xs.transpose(1, 2)));
        var l = Center(ys.bmm(ys.transpose(1, 2)));
        var dot = k.mul(l).sum([1, 2]);
        // norm() rather than square-sum-sqrt: its backward is 0, not NaN, at a zero Gram matrix (a silent layer).
        var norms = k.flatten(1).norm(1).mul(l.flatten(1).norm(1));
        return dot.div(norms.Add(epsilon)).MoveToOuterDisposeScope();
    }

    /// <summary>CKA of two [B,D] feature matrices → scalar.</summary>
    public static Tensor Compute(Tensor x, Tensor y, double epsilon = DefaultEpsilon)
    {
        using var xs = x.flatten(1).unsqueeze(0);
        using var ys = y.flatten(1).unsqueeze(0);
        using var perStep = PerStep(xs, ys, epsilon);
        return perStep.squeeze(0);
    }

    /// <summary>H K H for a batch of Gram matrices [T,B,B]: subtract row and column means, add the grand mean.</summary>
    private static Tensor Center(Tensor gram)
    {
        var rowMeans = gram.mean([2], keepdim: true);
        var colMeans = gram.mean([1], keepdim: true);
        var grand = gram.mean([1, 2], keepdim: true);
        return gram.sub(rowMeans).sub(colMeans).add(grand);
    }
}
