using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// One parameter as the Parzen estimator sees it (Optuna's <c>_calculate_parzen_bounds</c> and the
/// <c>_transform_*_uniform</c> pair): bounds in the model space (ln for log parameters, ±q/2 for int/step),
/// the bin width q for discrete parameters, and the way back to an internal value.
/// </summary>
internal sealed class TpeDimension
{
    public TpeDimension(Parameter parameter, int spaceIndex)
    {
        Parameter = parameter;
        SpaceIndex = spaceIndex;
        switch (parameter.Distribution)
        {
            case CategoricalDistribution c:
                IsCategorical = true;
                Choices = c.Choices.Length;
                break;
            case FloatDistribution f when f.Log:
                Log = true; Low = Math.Log(f.Low); High = Math.Log(f.High); DistLow = f.Low; DistHigh = f.High;
                break;
            case FloatDistribution { Step: { } step } f:
                Q = step; Low = f.Low - 0.5 * step; High = f.High + 0.5 * step; DistLow = f.Low; DistHigh = f.High;
                break;
            case FloatDistribution f:
                Low = f.Low; High = f.High; DistLow = f.Low; DistHigh = f.High;
                break;
            case IntDistribution i when i.Log:
                Log = true; IsInt = true; Low = Math.Log(i.Low - 0.5); High = Math.Log(i.High + 0.5); DistLow = i.Low; DistHigh = i.High;
                break;
            case IntDistribution i:
                IsInt = true; Q = i.Step; Low = i.Low - 0.5 * i.Step; High = i.High + 0.5 * i.Step; DistLow = i.Low; DistHigh = i.High;
                break;
            default:
                throw new ArgumentException($"unsupported distribution {parameter.Distribution.GetType().Name} for '{parameter.Name}'");
        }
    }

    public Parameter Parameter { get; }
    public string Name => Parameter.Name;
    public int SpaceIndex { get; }
    public bool IsCategorical { get; }
    public int Choices { get; }
    public bool Log { get; }
    public bool IsInt { get; }
    /// <summary>Bin width for int and step parameters; 0 for continuous ones.</summary>
    public double Q { get; }
    public double Low { get; }
    public double High { get; }
    public double DistLow { get; }
    public double DistHigh { get; }

    /// <summary>Internal value to model space (<c>_transform_to_uniform</c>).</summary>
    public double ToModel(double value) => Log ? Math.Log(value) : value;

    /// <summary>
    /// Model-space sample to internal value (<c>_transform_from_uniform</c>): exp for log, rounding onto the grid
    /// and clipping for int/step. The final clamp for continuous values only matters when exp(ln high) rounds
    /// above high, which Optuna would store and a validating study rejects.
    /// </summary>
    public double FromModel(double s)
    {
        if (IsCategorical) return s;
        if (Log)
        {
            var e = Math.Exp(s);
            return IsInt ? Math.Clamp(Math.Round(e), DistLow, DistHigh) : Math.Clamp(e, DistLow, DistHigh);
        }
        if (Q > 0) return Math.Min(Math.Max(Math.Round((s - DistLow) / Q) * Q + DistLow, DistLow), DistHigh);
        return s;
    }
}
