namespace Sweep.SearchSpaces.Distributions;

/// <summary>An integer parameter in [Low, High], optionally log-scaled or on the grid Low + k·Step (Optuna's IntDistribution).</summary>
public sealed record IntDistribution : Distribution
{
    public IntDistribution(long low, long high, bool log = false, long step = 1)
    {
        if (log && step != 1)
            throw new ArgumentException($"step must be 1 when log is true, but got step={step}.");
        if (step <= 0)
            throw new ArgumentException($"step must be > 0, but got step={step}.");
        if (log && low < 1)
            throw new ArgumentException($"low must be >= 1 when log is true, but got low={low}.");
        if (low > high)
            throw new ArgumentException($"low <= high must hold, but got (low={low}, high={high}).");
        Low = low;
        High = low + (high - low) / step * step;   // shrink onto the grid, as Optuna does
        Log = log;
        Step = step;
    }

    public long Low { get; }
    public long High { get; }
    public bool Log { get; }
    public long Step { get; }

    public override bool IsSingle => Low == High;

    public override double ToInternal(object? external)
    {
        double v = external switch
        {
            long l => l,
            int i => i,
            double d when d == Math.Floor(d) => d,
            float f when f == MathF.Floor(f) => f,
            _ => throw new ArgumentException($"expected an integer, got {FloatDistribution.Describe(external)}"),
        };
        if (!Contains(v)) throw new ArgumentException($"{v} is outside [{Low}, {High}]{(Step != 1 ? $" on step {Step}" : "")}");
        return v;
    }

    public override object? ToExternal(double internalValue) => (long)Math.Round(internalValue);

    public override bool Contains(double internalValue) =>
        double.IsFinite(internalValue)
        && internalValue == Math.Floor(internalValue)
        && internalValue >= Low && internalValue <= High
        && ((long)internalValue - Low) % Step == 0;
}
