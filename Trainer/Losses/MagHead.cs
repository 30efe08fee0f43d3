using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Losses;

/// <summary>
/// TMKT Modality-Aware Guidance (methods.md §3.3, inferred): a linear layer on each step's feature predicts
/// the modality of that step, m_t = 1[t ≥ t*] (0 = appearance, 1 = event); the loss is averaged over t and B.
/// </summary>
public sealed class MagHead : Module<Tensor, Tensor>
{
    private readonly Linear fc;
    private readonly MagLossKind kind;

    public MagHead(long featureDim, MagLossKind kind = MagLossKind.CrossEntropy) : base(nameof(MagHead))
    {
        this.kind = kind;
        fc = Linear(featureDim, kind == MagLossKind.CrossEntropy ? 2 : 1);
        RegisterComponents();
    }

    public MagLossKind Kind => kind;

    /// <summary>[T,B,F] → [T,B,2] (CE) or [T,B,1] (BCE) logits, on the folded tensor.</summary>
    public override Tensor forward(Tensor features)
    {
        using var folded = features.flatten(0, 1);
        using var logits = fc.call(folded);
        return logits.view(features.shape[0], features.shape[1], -1);
    }

    /// <summary>Mean loss over steps and samples; <paramref name="modality"/> is [T,B] (1 = event frame).</summary>
    public Tensor Loss(Tensor features, Tensor modality)
    {
        using var scope = NewDisposeScope();
        var logits = forward(features);
        var loss = kind == MagLossKind.CrossEntropy
            ? functional.cross_entropy(logits.flatten(0, 1), modality.flatten().to(ScalarType.Int64))
            : functional.binary_cross_entropy_with_logits(logits.squeeze(-1), modality.to(logits.dtype));
        return loss.MoveToOuterDisposeScope();
    }
}
