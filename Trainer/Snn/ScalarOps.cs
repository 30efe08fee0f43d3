using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trainer.Snn;

/// <summary>
/// Tensor-with-number operations that keep their Scalar alive across the native call. TorchSharp's implicit
/// double → Scalar makes a temporary that a GC can finalise mid-call (analyzer SWEEP001 rejects those);
/// these hold it in a <c>using</c> local instead.
/// </summary>
public static class ScalarOps
{
    public static Tensor Add(this Tensor t, double value) { using var s = value.ToScalar(); return t.add(s, ScalarConstants.One); }

    public static Tensor Sub(this Tensor t, double value) { using var s = value.ToScalar(); return t.sub(s); }

    public static Tensor Mul(this Tensor t, double value) { using var s = value.ToScalar(); return t.mul(s); }

    public static Tensor Div(this Tensor t, double value) { using var s = value.ToScalar(); return t.div(s); }

    public static Tensor Mul_(this Tensor t, double value) { using var s = value.ToScalar(); return t.mul_(s); }

    public static Tensor Pow(this Tensor t, double exponent) { using var s = exponent.ToScalar(); return t.pow(s); }

    public static Tensor Fill_(this Tensor t, double value) { using var s = value.ToScalar(); return t.fill_(s); }

    public static Tensor Add_(this Tensor t, double value) { using var s = value.ToScalar(); return t.add_(s, ScalarConstants.One); }

    /// <summary>t + value·a·b, in place.</summary>
    public static Tensor Addcmul_(this Tensor t, Tensor a, Tensor b, double value) { using var s = value.ToScalar(); return t.addcmul_(a, b, s); }

    /// <summary>t &lt; value as 1/0 in t's own dtype, in place.</summary>
    public static Tensor Lt_(this Tensor t, double value) { using var s = value.ToScalar(); return t.lt_(s); }

    /// <summary>1 − t.</summary>
    public static Tensor OneMinus(this Tensor t) { using var neg = t.neg(); return neg.add(ScalarConstants.One, ScalarConstants.One); }

    public static Tensor Gt(this Tensor t, double value) { using var s = value.ToScalar(); return t.gt(s); }

    public static Tensor Lt(this Tensor t, double value) { using var s = value.ToScalar(); return t.lt(s); }

    public static Tensor Ge(this Tensor t, double value) { using var s = value.ToScalar(); return t.ge(s); }

    public static Tensor Eq(this Tensor t, double value) { using var s = value.ToScalar(); return t.eq(s); }

    public static Tensor NonZero(this Tensor t) => t.ne(ScalarConstants.Zero);

    public static Tensor ClampMin(this Tensor t, double min) { using var s = min.ToScalar(); return t.clamp_min(s); }

    public static Tensor Clamp(this Tensor t, double min, double max)
    {
        using var lo = min.ToScalar();
        using var hi = max.ToScalar();
        return t.clamp(lo, hi);
    }

    public static Tensor Full(long size, double value) { using var s = value.ToScalar(); return full(size, s); }

    public static Tensor Full(long[] shape, double value) { using var s = value.ToScalar(); return full(shape, s); }

    public static Tensor FullLike(Tensor like, double value) { using var s = value.ToScalar(); return full_like(like, s); }
}
