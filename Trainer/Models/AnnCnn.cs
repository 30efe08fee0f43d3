using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>
/// <c>model: ann-cnn</c>: a small ANN teacher for quick runs and tests, where ResNet-18 from scratch needs far more
/// steps than a short budget gives: three conv3×3 → ReLU stages (32/64/128, max-pool 2 after the first two),
/// global average pool, one linear classifier; kaiming init; inputs standardised per image. Any frame size ≥ 4. No BatchNorm on purpose: in a run
/// of a few dozen steps its running variance is still mostly the initial 1, and eval-mode logits collapse to one class.
/// </summary>
public sealed class AnnCnn : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Linear fc;

    private AnnCnn(int numClasses, long inChannels) : base(nameof(AnnCnn))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1, nameof(numClasses));
        features = Sequential(
            Conv2d(inChannels, 32, 3, padding: 1), ReLU(), MaxPool2d(2),
            Conv2d(32, 64, 3, padding: 1), ReLU(), MaxPool2d(2),
            Conv2d(64, 128, 3, padding: 1), ReLU(), AdaptiveAvgPool2d(1));
        fc = Linear(128, numClasses);
        RegisterComponents();
        foreach (var m in modules().OfType<Conv2d>())
            init.kaiming_normal_(m.weight, nonlinearity: init.NonlinearityType.ReLU);
    }

    public static AnnCnn Create(int numClasses, long inChannels = 3) => new(numClasses, inChannels);

    /// <summary>[B,3,H,W] → logits [B,K].</summary>
    public override Tensor forward(Tensor x)
    {
        // Per-image standardisation: low-contrast [0,1] images barely move a BN-free net in a few dozen steps.
        using var mean = x.mean([1, 2, 3], keepdim: true);
        using var std = x.std([1, 2, 3], keepdim: true).ClampMin(1e-3);
        using var z = x.sub(mean).div_(std);
        using var f = features.call(z);
        using var flat = f.flatten(1);
        return fc.call(flat);
    }
}
