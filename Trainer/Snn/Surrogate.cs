using static TorchSharp.torch;

namespace Sweep.Trainer.Snn;

/// <summary>A surrogate gradient choice; a value per neuron (never a shared mutable instance).</summary>
public sealed record Surrogate(SurrogateKind Kind, double Alpha)
{
    /// <summary>The KT default for N-Caltech101 / CEP-DVS (α hard-coded to 2 in braincog's LIFNode).</summary>
    public static Surrogate QGate(double alpha = 2.0) => new(SurrogateKind.QGate, alpha);

    public static Surrogate BackEIGate() => new(SurrogateKind.BackEI, 1.0);

    public static Surrogate Sigmoid(double alpha = 4.0) => new(SurrogateKind.Sigmoid, alpha);

    /// <summary>H(x − threshold) forward, this surrogate backward.</summary>
    public Tensor Spike(Tensor x, double threshold = 0.0) => SpikeFunction.apply(x, threshold, Kind, Alpha);

    /// <summary>The surrogate dS/dx at x (no autograd graph), as a new tensor.</summary>
    public static Tensor Derivative(SurrogateKind kind, double alpha, Tensor x)
    {
        using var _ = no_grad();
        return DerivativeInPlace(kind, alpha, x.clone());
    }

    /// <summary>Overwrites <paramref name="x"/> with the surrogate dS/dx at x and returns it. In place because the
    /// backward runs this for every neuron and step: one buffer instead of one per intermediate.</summary>
    public static Tensor DerivativeInPlace(SurrogateKind kind, double alpha, Tensor x)
    {
        using var _ = no_grad();
        switch (kind)
        {
            case SurrogateKind.QGate:
                // α − α²|x| is ≤ 0 exactly outside |x| ≤ 1/α, so a clamp at 0 is the indicator.
                return x.abs_().Mul_(-alpha * alpha).Add_(alpha).clamp_min_(ScalarConstants.Zero);
            case SurrogateKind.BackEI:
                return x.abs_().Lt_(0.5);
            case SurrogateKind.Sigmoid:
                // α·s·(1 − s) with s = σ(αx): s − s² by one addcmul.
                var s = x.Mul_(alpha).sigmoid_();
                return s.Addcmul_(s, s, -1.0).Mul_(alpha);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown surrogate kind");
        }
    }

    /// <summary>The smooth primitive whose derivative is the surrogate (methods.md §1.2); tests check the
    /// custom backward against it.</summary>
    public Tensor Primitive(Tensor x) => Kind switch
    {
        SurrogateKind.QGate => QGatePrimitive(x),
        SurrogateKind.BackEI => x.Clamp(-0.5, 0.5),
        SurrogateKind.Sigmoid => x.Mul(Alpha).sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown surrogate kind"),
    };

    private Tensor QGatePrimitive(Tensor x)
    {
        // g(x) = −½α²|x|x + αx + ½ on |x| ≤ 1/α, 0 below, 1 above.
        var inner = x.abs().mul(x).Mul(-0.5 * Alpha * Alpha).add(x.Mul(Alpha)).Add(0.5);
        var lo = x.Lt(-1.0 / Alpha);
        var hi = x.Gt(1.0 / Alpha);
        return inner.masked_fill(lo, ScalarConstants.Zero).masked_fill(hi, ScalarConstants.One);
    }
}
