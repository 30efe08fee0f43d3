using System.Globalization;
using Sweep.Grains.Sweeps;
using Sweep.SearchSpaces.Distributions;

namespace Sweep.Orchestrator.Reports;

/// <summary>
/// How one parameter is laid on a plot axis: log parameters as log10 of their value (so a log-uniform search spreads
/// evenly), categoricals as their choice index with the choices as tick labels, others as they are.
/// </summary>
internal sealed record ParameterScale(string Name, Distribution Distribution)
{
    public bool IsLog => Distribution is FloatDistribution { Log: true } or IntDistribution { Log: true };

    public string Label => IsLog ? $"{Name} (log10)" : Name;

    public double Low => Distribution switch
    {
        FloatDistribution f => Position(f.Low),
        IntDistribution i => Position(i.Low),
        _ => 0,
    };

    public double High => Distribution switch
    {
        FloatDistribution f => Position(f.High),
        IntDistribution i => Position(i.High),
        CategoricalDistribution c => c.Choices.Length - 1,
        _ => 1,
    };

    /// <summary>The axis coordinate of an internal value (a categorical's index stays the index).</summary>
    public double Position(double internalValue) => IsLog ? Math.Log10(Math.Max(internalValue, double.Epsilon)) : internalValue;

    /// <summary>The position as a fraction of the parameter's range (0.5 for a single-valued one).</summary>
    public double Fraction(double internalValue) => High > Low ? (Position(internalValue) - Low) / (High - Low) : 0.5;

    /// <summary>The choices, for a categorical axis's tick labels; empty for numbers.</summary>
    public IReadOnlyList<string> Choices => Distribution is CategoricalDistribution c
        ? [.. c.Choices.Select(v => ParamText.Json(v).Trim('"'))]
        : [];

    /// <summary>A value of the parameter for an axis end or a tick, in the parameter's own units.</summary>
    public string Text(double position)
    {
        if (Choices is { Count: > 0 } choices) return choices[Math.Clamp((int)Math.Round(position), 0, choices.Count - 1)];
        var value = IsLog ? Math.Pow(10, position) : position;
        return value.ToString("G4", CultureInfo.InvariantCulture);
    }
}
