using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>
/// braincog pre-activation BasicBlock (methods.md §1.3): BN → LIF → conv3×3(s) → BN → LIF → conv3×3, plus
/// the identity or, when the stride or width changes, BN → LIF → conv1×1(s) on the block input.
/// </summary>
public sealed class PreActBlock : Module
{
    private readonly BatchNorm2d bn1;
    private readonly LifNode node1;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn2;
    private readonly LifNode node2;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d? downsample_bn;
    private readonly LifNode? downsample_node;
    private readonly Conv2d? downsample_conv;

    public PreActBlock(long inChannels, long outChannels, long stride, Neuron neuron) : base(nameof(PreActBlock))
    {
        bn1 = BatchNorm2d(inChannels);
        node1 = new LifNode(neuron);
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn2 = BatchNorm2d(outChannels);
        node2 = new LifNode(neuron);
        conv2 = Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        if (stride != 1 || inChannels != outChannels)
        {
            downsample_bn = BatchNorm2d(inChannels);
            downsample_node = new LifNode(neuron);
            downsample_conv = Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
        }
        RegisterComponents();
    }

    /// <summary>The block's convs; each reads a LIF's spikes.</summary>
    public IEnumerable<Conv2d> Convs => downsample_conv is null ? [conv1, conv2] : [conv1, conv2, downsample_conv];

    public Tensor Forward(Tensor x, long timeSteps)
    {
        Tensor main;
        using (var b1 = bn1.call(x))
        using (var s1 = node1.ForwardFolded(b1, timeSteps))
        using (var c1 = conv1.call(s1))
        using (var b2 = bn2.call(c1))
        using (var s2 = node2.ForwardFolded(b2, timeSteps))
            main = conv2.call(s2);
        if (downsample_bn is null) return main.add_(x);
        using var db = downsample_bn.call(x);
        using var ds = downsample_node!.ForwardFolded(db, timeSteps);
        using var dc = downsample_conv!.call(ds);
        return main.add_(dc);
    }
}
