using Sweep.Trainer.Models;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>The network plus a method's extra heads as one module, so one optimizer and one checkpoint cover all.</summary>
public sealed class TrainableModules : nn.Module
{
    private readonly SpikingNetwork net;
    private readonly TorchSharp.Modules.ModuleList<nn.Module> heads;

    public TrainableModules(SpikingNetwork network, IEnumerable<nn.Module> extras) : base(nameof(TrainableModules))
    {
        net = network;
        heads = nn.ModuleList(extras.ToArray());
        RegisterComponents();
    }
}
