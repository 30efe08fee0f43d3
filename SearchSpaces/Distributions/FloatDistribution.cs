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
        High = step is { } q ? HighOnGrid(low, high, q) : high;
        Log = log;
        Step = step;
    }

    /// <summary>
    /// Optuna's <c>_adjust_discrete_uniform_high</c>: high moved down onto the grid low + k·step, in decimal arithmetic
    /// on the numbers as written, so 0..1 step 0.3 gives 0.9 (not 0.8999999999999999) and exports match Optuna's.
    /// </summary>
    public static double HighOnGrid(double low, double high, double step)
    {
        if (Decimal(low) is { } l && Decimal(high) is { } h && Decimal(step) is { } q && q != 0)
        {
            var range = h - l;
            return range % q == 0 ? high : (double)(decimal.Floor(range / q) * q + l);
        }
        return low + Math.Floor((high - low) / step + 1e-9) * step;   // beyond decimal's range
    }

    private static decimal? Decimal(double value) =>
        decimal.TryParse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float,
                         System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;

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
