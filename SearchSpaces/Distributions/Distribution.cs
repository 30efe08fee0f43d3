namespace Sweep.SearchSpaces.Distributions;

/// <summary>
/// The domain of one parameter. Values travel in two forms, as in Optuna: the external value a user and a
/// trainer see (double, long, or a categorical choice) and the internal double a sampler works on (the value
/// itself for numbers, the choice index for categoricals).
/// </summary>
public abstract record Distribution
{
    /// <summary>External value to internal double; throws <see cref="ArgumentException"/> when not in the domain.</summary>
    public abstract double ToInternal(object? external);

    /// <summary>Internal double to external value (long for ints, the choice for categoricals).</summary>
    public abstract object? ToExternal(double internalValue);

    /// <summary>True when the internal value lies in the domain (bounds, step grid, integral, valid index).</summary>
    public abstract bool Contains(double internalValue);

    /// <summary>True when the domain has exactly one value.</summary>
    public abstract bool IsSingle { get; }
}
