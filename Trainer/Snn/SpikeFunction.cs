using static TorchSharp.torch;

namespace Sweep.Trainer.Snn;

/// <summary>
/// spike = H(x − θ) (strict &gt;) with a surrogate backward. A custom autograd node instead of the
/// straight-through form: one graph node and one saved tensor per call (faster, docs/stack.md §6).
/// The threshold is folded in so the neuron needs no separate subtraction node.
/// Arguments: (Tensor x, double threshold, SurrogateKind kind, double alpha[, Tensor fired]); fired, when given, is
/// x &gt; threshold already computed by the caller (the LIF reset needs it too), so the comparison runs once.
/// </summary>
public sealed class SpikeFunction : autograd.SingleTensorFunction<SpikeFunction>
{
    public override string Name => nameof(SpikeFunction);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        var threshold = (double)vars[1];
        ctx.save_for_backward([x]);
        ctx.save_data("threshold", threshold);
        ctx.save_data("kind", (int)(SurrogateKind)vars[2]);
        ctx.save_data("alpha", (double)vars[3]);
        if (vars.Length > 4) return ((Tensor)vars[4]).to(x.dtype);
        using var fired = x.Gt(threshold);
        return fired.to(x.dtype);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        var x = ctx.get_saved_variables()[0];
        var threshold = (double)ctx.get_data("threshold");
        var kind = (SurrogateKind)(int)ctx.get_data("kind");
        var alpha = (double)ctx.get_data("alpha");
        var slope = Surrogate.DerivativeInPlace(kind, alpha, x.Sub(threshold));
        return [slope.mul_(gradOutput), null!, null!, null!, null!];
    }
}
