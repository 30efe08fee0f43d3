using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>torchvision BasicBlock: conv3×3(s) → BN → ReLU → conv3×3 → BN, + shortcut, → ReLU.</summary>
public sealed class AnnBasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    public AnnBasicBlock(long inChannels, long outChannels, long stride) : base(nameof(AnnBasicBlock))
    {
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(outChannels);
        conv2 = Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(outChannels);
        if (stride != 1 || inChannels != outChannels)
            downsample = Sequential(Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), BatchNorm2d(outChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var c1 = conv1.call(x);
        using var b1 = bn1.call(c1);
        using var r1 = functional.relu(b1);
        using var c2 = conv2.call(r1);
        var y = bn2.call(c2);
        if (downsample is null) y.add_(x);
        else
        {
            using var d = downsample.call(x);
            y.add_(d);
        }
        return y.relu_();
    }
}
