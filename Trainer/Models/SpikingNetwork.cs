using Sweep.Trainer.Snn;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Models;

/// <summary>
/// Shared shape of the KT student networks: a backbone written once on folded tensors, run either
/// MultiStep (input folded to [T·B,...], neurons loop over T) or SingleStep (one frame at a time),
/// two heads (or one shared), and the learnable spatio-temporal coefficients η (one per time step).
/// Inputs are [T,B,C,H,W].
/// </summary>
public abstract class SpikingNetwork : Module
{
    private StepMode stepMode;

    protected SpikingNetwork(string name, int timeSteps) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeSteps, 1, nameof(timeSteps));
        TimeSteps = timeSteps;
    }

    /// <summary>T: the number of η coefficients (inputs may use any number of steps).</summary>
    public int TimeSteps { get; }

    /// <summary>Per-step head input size F.</summary>
    public abstract long FeatureDim { get; }

    /// <summary>Per-step CKA tensor size D.</summary>
    public abstract long CkaDim { get; }

    /// <summary>η_t, shape [T], initialised to 1 (STR weights are σ(η_t), methods.md §2.1).</summary>
    public abstract Parameter Coefficients { get; }

    /// <summary>The Conv2d/Linear layers whose input is spikes (or pooled spikes): what SOPs are counted on
    /// (<see cref="SynapticOpCounter"/>). Stems fed by frames and heads fed by BN features are left out.</summary>
    public abstract IEnumerable<Module<Tensor, Tensor>> SynapticLayers { get; }

    /// <summary>Every neuron, in registration order.</summary>
    public IEnumerable<LifNode> Nodes => modules().OfType<LifNode>();

    public StepMode StepMode
    {
        get => stepMode;
        set
        {
            stepMode = value;
            foreach (var n in Nodes) n.StepMode = value;
        }
    }

    /// <summary>Clears every neuron's membrane.</summary>
    public void ResetState()
    {
        foreach (var n in Nodes) n.Reset();
    }

    /// <summary>KT's <c>forward(inputs_rgb, inputs_dvs)</c>: branch A on head A, reset, branch B on head B,
    /// same weights and BatchNorm layers (train-mode BN statistics see both domains).</summary>
    public TwoBranchOutput Forward(Tensor inputA, Tensor inputB)
    {
        var a = RunBranch(inputA, BranchHead.A, withCka: true);
        var b = RunBranch(inputB, BranchHead.B, withCka: true);
        return new TwoBranchOutput(a.Logits, b.Logits, a.Features, b.Features, a.Cka!, b.Cka!);
    }

    /// <summary>DVS-only inference: per-step head-B logits [T,B,K]; the prediction is their mean over t
    /// (KT's <c>model(x_dvs, x_dvs)</c> without the wasted first branch).</summary>
    public Tensor ForwardDvs(Tensor input)
    {
        using var features = RunBranch(input, BranchHead.B, withCka: false).Features;
        return ApplyHead(features, BranchHead.B);
    }

    /// <summary>One branch from a fresh state: [T,B,C,H,W] → logits [T,B,K], features [T,B,F], CKA [T,B,D].</summary>
    public BranchOutput RunBranch(Tensor input, BranchHead head, bool withCka)
    {
        if (input.dim() != 5) throw new ArgumentException($"expected input [T,B,C,H,W], got [{string.Join(",", input.shape)}]", nameof(input));
        ResetState();
        var ckaNode = CkaNode;
        if (ckaNode is not null) ckaNode.RecordMembrane = withCka;
        try
        {
            var steps = input.shape[0];
            var batch = input.shape[1];
            Tensor features;
            if (stepMode == StepMode.MultiStep)
            {
                using var folded = input.flatten(0, 1);
                using var f = Backbone(folded, steps);
                features = f.view(steps, batch, -1);
            }
            else
            {
                var perStep = new Tensor[steps];
                for (var t = 0; t < steps; t++)
                {
                    using var frame = input[t];
                    perStep[t] = Backbone(frame, 1);
                }
                features = stack(perStep);
                foreach (var f in perStep) f.Dispose();
            }
            var logits = ApplyHead(features, head);
            Tensor? cka = null;
            if (withCka)
            {
                if (ckaNode is null) cka = features;
                else
                {
                    using var mem = ckaNode.TakeMembranes();
                    cka = mem.flatten(2);
                }
            }
            return new BranchOutput(logits, features, cka);
        }
        finally
        {
            if (ckaNode is not null) ckaNode.RecordMembrane = false;
            ResetState();
        }
    }

    /// <summary>Per-step features [T,B,F] → logits [T,B,K] on the folded [T·B,F] tensor.</summary>
    public Tensor ApplyHead(Tensor features, BranchHead head)
    {
        using var folded = features.flatten(0, 1);
        using var logits = Head(head).call(folded);
        return logits.view(features.shape[0], features.shape[1], -1);
    }

    /// <summary>The classifier of a branch.</summary>
    public abstract Module<Tensor, Tensor> Head(BranchHead head);

    /// <summary>The neuron whose post-reset membrane is the CKA tensor, or null when the CKA tensor is the
    /// head input (ResNet-18).</summary>
    protected abstract LifNode? CkaNode { get; }

    /// <summary>The backbone on a folded tensor [N,C,H,W] (N = T·B MultiStep, B SingleStep) → [N,F].
    /// Neurons are called through <see cref="LifNode.ForwardFolded"/> with <paramref name="timeSteps"/>.</summary>
    protected abstract Tensor Backbone(Tensor x, long timeSteps);

    /// <summary>Spatial size after <paramref name="halvings"/> floor-halvings (AvgPool2d(2) / stride 2).</summary>
    protected static long Halve(long size, int halvings)
    {
        for (var i = 0; i < halvings; i++) size /= 2;
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), "frame too small for this network");
        return size;
    }
}
