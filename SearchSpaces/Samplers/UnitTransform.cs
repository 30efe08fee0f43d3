using Sweep.SearchSpaces.Distributions;

namespace Sweep.SearchSpaces.Samplers;

/// <summary>
/// Maps a coordinate of the unit interval onto a distribution's internal values and back, as Optuna's
/// <c>_SearchSpaceTransform</c> does: log parameters in log space; ints and step floats over
/// [low − q/2, high + q/2] and rounded onto their grid, so every grid point owns an equal share of the
/// interval; categoricals by index ⌊u·k⌋. QMC and grid samplers go through it.
/// </summary>
public static class UnitTransform
{
    /// <summary>The internal value for <paramref name="u"/> ∈ [0, 1]; always inside <paramref name="distribution"/>.</summary>
    public static double FromUnit(Distribution distribution, double u)
    {
        if (!(u >= 0 && u <= 1)) throw new ArgumentOutOfRangeException(nameof(u), u, "u must lie in [0, 1].");
        switch (distribution)
        {
            case CategoricalDistribution c:
                return Math.Min(c.Choices.Length - 1, (int)Math.Floor(u * c.Choices.Length));
            case FloatDistribution { Step: { } q } f:
                return SnapToStep(f.Low, f.High, q, Lerp(f.Low - q / 2, f.High + q / 2, u));
            case FloatDistribution { Log: true } f:
                // exp(ln low) need not be low, so the ends are returned as they are.
                return u <= 0 ? f.Low : u >= 1 ? f.High : Math.Clamp(Math.Exp(Lerp(Math.Log(f.Low), Math.Log(f.High), u)), f.Low, f.High);
            case FloatDistribution f:
                return Math.Clamp(Lerp(f.Low, f.High, u), f.Low, f.High);
            case IntDistribution { Log: true } i:
                // Bounds ln(low − ½), ln(high + ½) give every integer the log-width of its rounding bin.
                return Math.Clamp(Math.Round(Math.Exp(Lerp(Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), u))), i.Low, i.High);
            case IntDistribution i:
                return SnapToStep(i.Low, i.High, i.Step, Lerp(i.Low - i.Step / 2.0, i.High + i.Step / 2.0, u));
            default:
                throw new ArgumentException($"unknown distribution {distribution.GetType().Name}");
        }
    }

    /// <summary>
    /// The coordinate in [0, 1] of an internal value: the position for continuous values (the round trip is exact
    /// up to floating-point rounding) and the centre of the value's bin for discrete ones (exact round trip).
    /// </summary>
    public static double ToUnit(Distribution distribution, double internalValue)
    {
        if (!distribution.Contains(internalValue))
            throw new ArgumentOutOfRangeException(nameof(internalValue), internalValue, "value is outside the distribution.");
        return distribution switch
        {
            CategoricalDistribution c => (internalValue + 0.5) / c.Choices.Length,
            FloatDistribution { Step: { } q } f => InverseLerp(f.Low - q / 2, f.High + q / 2, internalValue),
            FloatDistribution { Log: true } f => InverseLerp(Math.Log(f.Low), Math.Log(f.High), Math.Log(internalValue)),
            FloatDistribution f => InverseLerp(f.Low, f.High, internalValue),
            IntDistribution { Log: true } i => InverseLerp(Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), Math.Log(internalValue)),
            IntDistribution i => InverseLerp(i.Low - i.Step / 2.0, i.High + i.Step / 2.0, internalValue),
            _ => throw new ArgumentException($"unknown distribution {distribution.GetType().Name}"),
        };
    }

    private static double Lerp(double a, double b, double u) => u >= 1 ? b : a + u * (b - a);

    // A single-point domain has a = b; its one value sits at the centre.
    private static double InverseLerp(double a, double b, double x) => b > a ? Math.Clamp((x - a) / (b - a), 0, 1) : 0.5;

    // One grid index gives one value: the top index is High itself, since low + k·step can miss it by an ulp.
    private static double SnapToStep(double low, double high, double step, double x)
    {
        var top = Math.Round((high - low) / step);
        var k = Math.Clamp(Math.Round((x - low) / step, MidpointRounding.AwayFromZero), 0, top);
        return k >= top ? high : Math.Min(low + k * step, high);
    }
}
