using Sweep.Trainer.Snn;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trainer.Losses;

/// <summary>
/// Hinton KD for CKD (methods.md §4.2, form unknown → Hinton): τ²·KL(softmax(z_T/τ) ‖ softmax(z̄_S/τ)),
/// z̄_S = mean over t of the student's per-step logits, KL averaged over the batch; the teacher is
/// detached (frozen teacher).
/// </summary>
public static class KdLoss
{
    /// <param name="studentLogits">[T,B,K] per-step student logits (branch s).</param>
    /// <param name="teacherLogits">[B,K].</param>
    public static Tensor Compute(Tensor studentLogits, Tensor teacherLogits, double temperature = 4.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(temperature, 0.0, nameof(temperature));
        using var scope = NewDisposeScope();
        // A named Scalar stays reachable through the native calls (a temporary one can be finalised mid-call).
        using var t = temperature.ToScalar();
        var student = studentLogits.mean([0]).div(t).log_softmax(1);
        var teacher = teacherLogits.detach().div(t).log_softmax(1);
        // KL(p_T‖p_S) = Σ p_T (log p_T − log p_S), batch mean.
        var kl = teacher.exp().mul(teacher.sub(student)).sum([1]).mean();
        return kl.Mul(temperature * temperature).MoveToOuterDisposeScope();
    }
}
