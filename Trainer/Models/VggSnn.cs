using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>
/// braincog <c>Transfer_VGG_SNN</c> (methods.md §1.3): C64 C128 AP C256 C256 AP C512 C512 AP C512 C512 AP,
/// two linear heads (<c>rgb_fc</c>, <c>dvs_fc</c>) on the flattened features, T coefficients η.
/// CKA reads the post-reset membrane of the last conv neuron (before the last pool).
/// 101 classes, 48×48, T=10: 10,153,700 parameters counted as the authors do.
/// </summary>
public sealed class VggSnn : SpikingNetwork
{
    private static readonly int[] Widths = [64, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1];

    private readonly ModuleList<ConvBnLif> features;
    private readonly Linear rgb_fc;
    private readonly Linear dvs_fc;
    private readonly Parameter coefficient;
    private readonly long featureDim;
    private readonly long ckaDim;

    private VggSnn(int numClasses, int timeSteps, long height, long width, long inChannels, Neuron neuron, StepMode stepMode)
        : base(nameof(VggSnn), timeSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1, nameof(numClasses));
        features = new ModuleList<ConvBnLif>();
        var c = inChannels;
        foreach (var w in Widths)
        {
            if (w < 0) continue;
            features.Add(new ConvBnLif(c, w, neuron));
            c = w;
        }
        ckaDim = c * Halve(height, 3) * Halve(width, 3);
        featureDim = c * Halve(height, 4) * Halve(width, 4);
        rgb_fc = Linear(featureDim, numClasses);
        dvs_fc = Linear(featureDim, numClasses);
        coefficient = new Parameter(ones(timeSteps));
        RegisterComponents();
        StepMode = stepMode;
    }

    /// <summary>KT's VGGSNN; defaults are the N-Caltech101 set-up (2×48×48, QGate α=2).</summary>
    public static VggSnn Create(int numClasses, int timeSteps, long height = 48, long width = 48, long inChannels = 2,
        Neuron? neuron = null, StepMode stepMode = StepMode.MultiStep) =>
        new(numClasses, timeSteps, height, width, inChannels, neuron ?? Surrogate.QGate(), stepMode);

    public override long FeatureDim => featureDim;

    public override long CkaDim => ckaDim;

    public override Parameter Coefficients => coefficient;

    /// <summary>Every conv after the first (which reads the frames) and both heads (pooled spikes).</summary>
    public override IEnumerable<Module<Tensor, Tensor>> SynapticLayers =>
        [.. features.Skip(1).Select(f => f.Conv), rgb_fc, dvs_fc];

    public override Module<Tensor, Tensor> Head(BranchHead head) => head == BranchHead.A ? rgb_fc : dvs_fc;

    protected override LifNode? CkaNode => features[^1].Node;

    protected override Tensor Backbone(Tensor x, long timeSteps)
    {
        var y = x;
        var block = 0;
        foreach (var w in Widths)
        {
            var next = w < 0 ? functional.avg_pool2d(y, 2) : features[block++].Forward(y, timeSteps);
            if (!ReferenceEquals(y, x)) y.Dispose();
            y = next;
        }
        var flat = y.flatten(1);
        y.Dispose();
        return flat;
    }
}
