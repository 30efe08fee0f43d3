using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Losses;

/// <summary>
/// TMKT Mixup Ratio Perception (methods.md §3.3, inferred): σ(Linear(mean_t feature)) estimates the realised
/// mix ratio K/T of the sequence.
/// </summary>
public sealed class MrpHead : Module<Tensor, Tensor>
{
    private readonly Linear fc;
    private readonly MrpLossKind kind;

    public MrpHead(long featureDim, MrpLossKind kind = MrpLossKind.Mse) : base(nameof(MrpHead))
    {
        this.kind = kind;
        fc = Linear(featureDim, 1);
        RegisterComponents();
    }

    public MrpLossKind Kind => kind;

    /// <summary>[T,B,F] → predicted ratio logit [B] (before the sigmoid).</summary>
    public override Tensor forward(Tensor features)
    {
        using var mean = features.mean([0]);
        using var logit = fc.call(mean);
        return logit.squeeze(-1);
    }

    /// <summary>Loss against the realised ratio <paramref name="ratio"/> = K/T, [B] in [0,1].</summary>
    public Tensor Loss(Tensor features, Tensor ratio)
    {
        using var scope = NewDisposeScope();
        var logit = forward(features);
        var target = ratio.to(logit.dtype);
        var loss = kind == MrpLossKind.Mse
            ? functional.mse_loss(logit.sigmoid(), target)
            : functional.binary_cross_entropy_with_logits(logit, target);
        return loss.MoveToOuterDisposeScope();
    }
}
