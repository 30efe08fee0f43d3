namespace Sweep.SearchSpaces.Distributions;

/// <summary>A real parameter in [Low, High], optionally log-scaled or on the grid Low + k·Step (Optuna's FloatDistribution).</summary>
public sealed record FloatDistribution : Distribution
{
    public FloatDistribution(double low, double high, bool log = false, double? step = null)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
            throw new ArgumentException($"low and high must be finite, but got (low={low}, high={high}).");
        if (log && step is not null)
            throw new ArgumentException("step is not supported when log is true.");
        if (step is { } s && (!(s > 0) || !double.IsFinite(s)))
            throw new ArgumentException($"step must be > 0, but got step={s}.");
        if (log && low <= 0)
            throw new ArgumentException($"low must be > 0 when log is true, but got low={low}.");
        if (low > high)
            throw new ArgumentException($"low <= high must hold, but got (low={low}, high={high}).");
        Low = low;
        // Optuna shrinks high onto the step grid so that every grid point is reachable and in bounds.
        High = step is { } q ? low + Math.Floor((high - low) / q + 1e-9) * q : high;
        Log = log;
        Step = step;
    }

    public double Low { get; }
    public double High { get; }
    public bool Log { get; }
    public double? Step { get; }

    public override bool IsSingle => Low == High;

    public override double ToInternal(object? external)
    {
        var v = external switch
        {
            double d => d,
            float f => f,
            long l => l,
            int i => i,
            decimal m => (double)m,
            _ => throw new ArgumentException($"expected a number, got {Describe(external)}"),
        };
        if (!Contains(v)) throw new ArgumentException($"{v} is outside [{Low}, {High}]{(Step is { } s ? $" on step {s}" : "")}");
        return v;
    }

    public override object? ToExternal(double internalValue) => internalValue;

    public override bool Contains(double internalValue)
    {
        if (!double.IsFinite(internalValue) || internalValue < Low || internalValue > High) return false;
        if (Step is not { } step) return true;
        var k = (internalValue - Low) / step;
        return Math.Abs(k - Math.Round(k)) < 1e-8;
    }

    internal static string Describe(object? v) => v switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"{v} ({v.GetType().Name})",
    };
}
