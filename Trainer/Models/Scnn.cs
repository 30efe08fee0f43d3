using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>
/// braincog <c>Transfer_SCNN</c> (methods.md §1.3): conv5×5(15) → LIF → AP2 → conv5×5(40) → LIF → AP2 →
/// Linear(·,300) → LIF (<c>node1</c>) → one shared head <c>fc2</c> for both branches. No BatchNorm.
/// The head input (and CKA tensor) is node1's output spikes / post-reset membrane (300-d).
/// Init: kaiming_normal_ convs, U(−0.1, 0.1) linear weights. 1623 classes at 28×28, T=12: 696,591 parameters.
/// </summary>
public sealed class Scnn : SpikingNetwork
{
    private readonly Conv2d conv1;
    private readonly LifNode node_conv1;
    private readonly Conv2d conv2;
    private readonly LifNode node_conv2;
    private readonly Linear fc1;
    private readonly LifNode node1;
    private readonly Linear fc2;
    private readonly Parameter coefficient;

    private Scnn(int numClasses, int timeSteps, long height, long width, long inChannels, Neuron neuron, StepMode stepMode)
        : base(nameof(Scnn), timeSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1, nameof(numClasses));
        conv1 = Conv2d(inChannels, 15, 5, bias: false);
        node_conv1 = new LifNode(neuron);
        conv2 = Conv2d(15, 40, 5, bias: false);
        node_conv2 = new LifNode(neuron);
        var h = Halve(Halve(height - 4, 1) - 4, 1);
        var w = Halve(Halve(width - 4, 1) - 4, 1);
        fc1 = Linear(40 * h * w, 300);
        node1 = new LifNode(neuron);
        fc2 = Linear(300, numClasses);
        coefficient = new Parameter(ones(timeSteps));
        RegisterComponents();
        init.kaiming_normal_(conv1.weight);
        init.kaiming_normal_(conv2.weight);
        init.uniform_(fc1.weight, -0.1, 0.1);
        init.uniform_(fc2.weight, -0.1, 0.1);
        StepMode = stepMode;
    }

    /// <summary>KT's SCNN; defaults are the N-Omniglot set-up (2×28×28, BackEIGate).</summary>
    public static Scnn Create(int numClasses, int timeSteps, long height = 28, long width = 28, long inChannels = 2,
        Neuron? neuron = null, StepMode stepMode = StepMode.MultiStep) =>
        new(numClasses, timeSteps, height, width, inChannels, neuron ?? Surrogate.BackEIGate(), stepMode);

    public override long FeatureDim => 300;

    public override long CkaDim => 300;

    public override Parameter Coefficients => coefficient;

    /// <summary>conv1 reads the event frames; conv2 and fc1 read pooled spikes, fc2 node1's spikes.</summary>
    public override IEnumerable<Module<Tensor, Tensor>> SynapticLayers => [conv2, fc1, fc2];

    /// <summary>The single shared classifier, whatever the branch.</summary>
    public override Module<Tensor, Tensor> Head(BranchHead head) => fc2;

    protected override LifNode? CkaNode => node1;

    protected override Tensor Backbone(Tensor x, long timeSteps)
    {
        using var c1 = conv1.call(x);
        using var s1 = node_conv1.ForwardFolded(c1, timeSteps);
        using var p1 = functional.avg_pool2d(s1, 2);
        using var c2 = conv2.call(p1);
        using var s2 = node_conv2.ForwardFolded(c2, timeSteps);
        using var p2 = functional.avg_pool2d(s2, 2);
        using var flat = p2.flatten(1);
        using var f1 = fc1.call(flat);
        return node1.ForwardFolded(f1, timeSteps);
    }
}
