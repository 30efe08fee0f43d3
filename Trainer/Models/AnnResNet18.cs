using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>
/// ANN teacher for CKD (methods.md §4: architecture unknown): torchvision's resnet18 layout (post-activation
/// BasicBlock, BN + ReLU, 1×1 conv + BN shortcut) on 3-channel RGB. For frames ≤ 64 px the stem is a
/// 3×3 stride-1 conv without max-pool (the CIFAR adaptation: a 7×7/2 stem + pool would leave 3×3 maps at
/// 48 px before stage 2); larger frames keep torchvision's 7×7/2 + 3×3/2 max-pool. Either can be forced.
/// 1000 classes with the ImageNet stem: 11,689,512 parameters (torchvision's count).
/// </summary>
public sealed class AnnResNet18 : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly MaxPool2d? maxpool;
    private readonly ModuleList<AnnBasicBlock> blocks;
    private readonly Linear fc;

    private AnnResNet18(int numClasses, long inChannels, bool smallStem) : base(nameof(AnnResNet18))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1, nameof(numClasses));
        conv1 = smallStem
            ? Conv2d(inChannels, 64, 3, padding: 1, bias: false)
            : Conv2d(inChannels, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = BatchNorm2d(64);
        if (!smallStem) maxpool = MaxPool2d(3, stride: 2, padding: 1);
        blocks = new ModuleList<AnnBasicBlock>();
        long c = 64;
        foreach (var (w, s) in new (long, long)[] { (64, 1), (128, 2), (256, 2), (512, 2) })
        {
            blocks.Add(new AnnBasicBlock(c, w, s));
            blocks.Add(new AnnBasicBlock(w, w, 1));
            c = w;
        }
        fc = Linear(512, numClasses);
        RegisterComponents();
        foreach (var m in modules().OfType<Conv2d>())
            init.kaiming_normal_(m.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
    }

    /// <summary>ResNet-18 teacher; <paramref name="smallStem"/> null picks the 3×3 stem for frames ≤ 64 px.</summary>
    public static AnnResNet18 Create(int numClasses, long frameSize, long inChannels = 3, bool? smallStem = null) =>
        new(numClasses, inChannels, smallStem ?? frameSize <= 64);

    public bool SmallStem => maxpool is null;

    /// <summary>[B,3,H,W] → logits [B,K].</summary>
    public override Tensor forward(Tensor x)
    {
        using var c = conv1.call(x);
        using var b = bn1.call(c);
        var y = functional.relu(b);
        if (maxpool is not null)
        {
            var p = maxpool.call(y);
            y.Dispose();
            y = p;
        }
        foreach (var block in blocks)
        {
            var next = block.call(y);
            y.Dispose();
            y = next;
        }
        using var pooled = functional.adaptive_avg_pool2d(y, 1);
        y.Dispose();
        using var flat = pooled.flatten(1);
        return fc.call(flat);
    }
}
