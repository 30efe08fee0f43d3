using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>
/// braincog <c>Transfer_ResNet18</c> (methods.md §1.3): conv3×3 stem (no BN/LIF/pool), four stages of two
/// pre-activation blocks (64/128/256/512, strides 1/2/2/2), BN(512) → global average pool → two heads.
/// The CKA tensor is the pooled 512-d head input (not a membrane). Convs: kaiming_normal_(fan_out, relu).
/// 20 classes, T=6: 11,187,924 parameters including node parameters and η.
/// </summary>
public sealed class SpikingResNet18 : SpikingNetwork
{
    private readonly Conv2d conv1;
    private readonly ModuleList<PreActBlock> blocks;
    private readonly BatchNorm2d bn;
    private readonly Linear rgb_fc;
    private readonly Linear dvs_fc;
    private readonly Parameter coefficient;

    private SpikingResNet18(int numClasses, int timeSteps, long inChannels, Neuron neuron, StepMode stepMode)
        : base(nameof(SpikingResNet18), timeSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1, nameof(numClasses));
        conv1 = Conv2d(inChannels, 64, 3, padding: 1, bias: false);
        blocks = new ModuleList<PreActBlock>();
        long c = 64;
        foreach (var (w, s) in new (long, long)[] { (64, 1), (128, 2), (256, 2), (512, 2) })
        {
            blocks.Add(new PreActBlock(c, w, s, neuron));
            blocks.Add(new PreActBlock(w, w, 1, neuron));
            c = w;
        }
        bn = BatchNorm2d(512);
        rgb_fc = Linear(512, numClasses);
        dvs_fc = Linear(512, numClasses);
        coefficient = new Parameter(ones(timeSteps));
        RegisterComponents();
        foreach (var m in modules().OfType<Conv2d>())
            init.kaiming_normal_(m.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
        StepMode = stepMode;
    }

    /// <summary>KT's ResNet-18; any frame size ≥ 8 (three stride-2 stages, then global pooling).</summary>
    public static SpikingResNet18 Create(int numClasses, int timeSteps, long inChannels = 2,
        Neuron? neuron = null, StepMode stepMode = StepMode.MultiStep) =>
        new(numClasses, timeSteps, inChannels, neuron ?? Surrogate.QGate(), stepMode);

    public override long FeatureDim => 512;

    public override long CkaDim => 512;

    public override Parameter Coefficients => coefficient;

    /// <summary>Every block conv reads a LIF's spikes; the stem reads frames and the heads BN-pooled features.</summary>
    public override IEnumerable<Module<Tensor, Tensor>> SynapticLayers => blocks.SelectMany(b => b.Convs);

    public override Module<Tensor, Tensor> Head(BranchHead head) => head == BranchHead.A ? rgb_fc : dvs_fc;

    protected override LifNode? CkaNode => null;

    protected override Tensor Backbone(Tensor x, long timeSteps)
    {
        var y = conv1.call(x);
        foreach (var block in blocks)
        {
            var next = block.Forward(y, timeSteps);
            y.Dispose();
            y = next;
        }
        using var b = bn.call(y);
        y.Dispose();
        using var pooled = functional.adaptive_avg_pool2d(b, 1);
        return pooled.flatten(1);
    }
}
