using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Losses;

/// <summary>Spatio-temporal regularisation weights from the coefficients η (methods.md §2.1).</summary>
public static class StrWeights
{
    /// <summary>σ(η_t), [T]: weights of the per-step CKA terms.</summary>
    public static Tensor Domain(Tensor coefficients) => coefficients.sigmoid();

    /// <summary>1 − σ(η_t), [T]: weights of the DVS branch's CE and MSE terms.</summary>
    public static Tensor Classification(Tensor coefficients)
    {
        using var s = coefficients.sigmoid();
        return s.OneMinus();
    }

    /// <summary>A fixed σ (KT's <c>--tsregular</c>), [T] filled with <paramref name="value"/>.</summary>
    public static Tensor Fixed(long timeSteps, double value) => ScalarOps.Full(timeSteps, value);
}
