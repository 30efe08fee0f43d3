using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Sweep.Trainer.Snn;

/// <summary>
/// braincog LIFNode (methods.md §1.1): mem += (x − mem)/τ; spike = H(mem − V_th) (strict);
/// hard reset to 0 through a detached spike; mem starts at 0; gradient flows through mem (BPTT).
/// MultiStep: forward takes [T,B,...] and loops over T; SingleStep: forward takes [B,...] and keeps the
/// membrane between calls until <see cref="Reset"/>.
/// </summary>
public sealed class LifNode : Module<Tensor, Tensor>, ISpikingModule
{
    // Frozen parameters, not plain doubles, because the authors' printed parameter count includes them
    // (threshold and the surrogate's α per node; methods.md §1.3). The forward reads the doubles.
    private readonly Parameter threshold;
    private readonly Parameter alpha;

    private readonly double tau;
    // One Scalar for the module's life: a temporary one can be finalised during the native call (see ScalarConstants).
    private readonly Scalar tauScalar;
    private readonly Scalar decayScalar;
    private readonly Scalar vthScalar;
    private readonly double vth;
    private readonly Surrogate surrogate;
    private readonly List<Tensor> recorded = [];
    private Tensor? membrane;

    public LifNode(Surrogate surrogate, double tau = 2.0, double threshold = 0.5, StepMode stepMode = StepMode.MultiStep)
        : base(nameof(LifNode))
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tau, 1.0, nameof(tau));
        this.surrogate = surrogate;
        this.tau = tau;
        tauScalar = tau.ToScalar();
        decayScalar = (1.0 / tau).ToScalar();
        vth = threshold;
        vthScalar = threshold.ToScalar();
        StepMode = stepMode;
        this.threshold = new Parameter(tensor((float)threshold), requires_grad: false);
        alpha = new Parameter(tensor((float)surrogate.Alpha), requires_grad: false);
        RegisterComponents();
    }

    /// <summary>A node with a run's neuron settings.</summary>
    public LifNode(Neuron neuron, StepMode stepMode = StepMode.MultiStep)
        : this(neuron.Surrogate, neuron.Tau, neuron.Threshold, stepMode)
    {
    }

    public StepMode StepMode { get; set; }

    public double Tau => tau;

    public double Threshold => vth;

    public Surrogate Surrogate => surrogate;

    /// <summary>When set, the post-reset membrane of every step is kept (with its graph) for
    /// <see cref="TakeMembranes"/>; CKA reads it (methods.md §1.4).</summary>
    public bool RecordMembrane { get; set; }

    public override Tensor forward(Tensor x)
    {
        if (StepMode == StepMode.SingleStep) return Step(x);
        var steps = x.unbind(0);
        var spikes = new Tensor[steps.Length];
        // unbind, not x[t]: one backward node that stacks the T gradients instead of T select nodes.
        for (var t = 0; t < steps.Length; t++) spikes[t] = Step(steps[t]);
        var output = stack(spikes);
        foreach (var s in spikes) s.Dispose();
        foreach (var s in steps) s.Dispose();
        return output;
    }

    /// <summary>For layer code written on folded tensors: MultiStep views [T·B,...] as [T,B,...], runs
    /// and folds back (no copies besides the stack); SingleStep is one step on [B,...].</summary>
    public Tensor ForwardFolded(Tensor x, long timeSteps)
    {
        if (StepMode == StepMode.SingleStep) return Step(x);
        var shape = x.shape;
        var unfolded = new long[shape.Length + 1];
        unfolded[0] = timeSteps;
        unfolded[1] = shape[0] / timeSteps;
        Array.Copy(shape, 1, unfolded, 2, shape.Length - 1);
        using var seq = x.view(unfolded);
        using var spikes = forward(seq);
        return spikes.flatten(0, 1);
    }

    /// <summary>The recorded post-reset membranes, stacked [T,B,...], and forgets them.</summary>
    public Tensor TakeMembranes()
    {
        if (recorded.Count == 0) throw new InvalidOperationException("no membrane was recorded (set RecordMembrane before the forward)");
        var result = stack(recorded);
        foreach (var m in recorded) m.Dispose();
        recorded.Clear();
        return result;
    }

    public void Reset()
    {
        // Freed now rather than with the step's dispose scope (disposing twice is harmless); the recorded
        // membranes are separate handles.
        membrane?.Dispose();
        membrane = null;
        foreach (var m in recorded) m.Dispose();
        recorded.Clear();
    }

    private Tensor Step(Tensor x)
    {
        // mem starts at 0, so the first charge is x/τ (no zero tensor allocated). Temporaries and the previous
        // membrane are freed here, not at the end of the step's dispose scope: add/sub/div save nothing for
        // backward, and holding them to the end would double the forward's peak memory.
        Tensor h;
        if (membrane is null) h = x.div(tauScalar);
        else
        {
            // mem + (x − mem)·(1/τ) in one add with alpha: 2 kernels forward instead of sub/div/add's 3, and for τ = 2
            // bit for bit the old result (·0.5 and /2 are both exact). A lerp would save more kernels but rounds
            // differently (x − (x − mem)·0.5 at weight 0.5): 24-epoch KT on BENCHMARKS §4 data fell from 0.436 to 0.336.
            using (var charge = x.sub(membrane))
                h = membrane.add(charge, decayScalar);
            membrane.Dispose();
        }
        // Hard reset with the reset path detached: masked_fill passes dL/dh through where no spike
        // fired and 0 where one did, exactly the gradient of h·(1 − s.detach()), in one node.
        using var fired = h.gt(vthScalar);
        var spike = SpikeFunction.apply(h, vth, surrogate.Kind, surrogate.Alpha, fired);
        membrane = h.masked_fill(fired, ScalarConstants.Zero);
        h.Dispose();
        if (RecordMembrane) recorded.Add(membrane.alias());
        return spike;
    }
}
