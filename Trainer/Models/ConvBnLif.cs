using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>braincog BaseConvModule: Conv2d 3×3 pad 1 (no bias) → BatchNorm2d → LIF, on folded tensors.</summary>
public sealed class ConvBnLif : Module
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly LifNode node;

    public ConvBnLif(long inChannels, long outChannels, Neuron neuron) : base(nameof(ConvBnLif))
    {
        conv = Conv2d(inChannels, outChannels, 3, padding: 1, bias: false);
        bn = BatchNorm2d(outChannels);
        node = new LifNode(neuron);
        RegisterComponents();
    }

    public LifNode Node => node;

    public Conv2d Conv => conv;

    public Tensor Forward(Tensor x, long timeSteps)
    {
        using var c = conv.call(x);
        using var b = bn.call(c);
        return node.ForwardFolded(b, timeSteps);
    }
}
