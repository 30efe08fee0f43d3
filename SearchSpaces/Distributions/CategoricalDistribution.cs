using System.Collections.Immutable;

namespace Sweep.SearchSpaces.Distributions;

/// <summary>
/// A choice among JSON scalars (string, double, long, bool or null). The internal value is the choice index,
/// as in Optuna, so exports keep <c>param_value_internal</c>.
/// </summary>
public sealed record CategoricalDistribution : Distribution
{
    public CategoricalDistribution(IEnumerable<object?> choices)
    {
        Choices = [.. choices.Select(Normalize)];
        if (Choices.Length == 0) throw new ArgumentException("choices must contain one or more elements.");
        for (var i = 0; i < Choices.Length; i++)
            for (var j = i + 1; j < Choices.Length; j++)
                if (ChoiceEquals(Choices[i], Choices[j]))
                    throw new ArgumentException($"choices must be unique, but {FloatDistribution.Describe(Choices[i])} appears twice.");
    }

    public ImmutableArray<object?> Choices { get; }

    public override bool IsSingle => Choices.Length == 1;

    /// <summary>Index of <paramref name="choice"/>, or -1.</summary>
    public int IndexOf(object? choice)
    {
        var c = Normalize(choice);
        for (var i = 0; i < Choices.Length; i++)
            if (ChoiceEquals(Choices[i], c)) return i;
        return -1;
    }

    public override double ToInternal(object? external)
    {
        var i = IndexOf(external);
        if (i < 0) throw new ArgumentException($"{FloatDistribution.Describe(external)} is not one of the choices");
        return i;
    }

    public override object? ToExternal(double internalValue) => Choices[(int)internalValue];

    public override bool Contains(double internalValue) =>
        internalValue == Math.Floor(internalValue) && internalValue >= 0 && internalValue < Choices.Length;

    public bool Equals(CategoricalDistribution? other) =>
        other is not null && Choices.Length == other.Choices.Length
        && Choices.Zip(other.Choices).All(p => ChoiceEquals(p.First, p.Second));

    public override int GetHashCode() => Choices.Length;

    /// <summary>Integral numbers compare equal whatever their CLR type (YAML 4 and JSON 4.0 are one choice).</summary>
    public static bool ChoiceEquals(object? a, object? b) => (Normalize(a), Normalize(b)) switch
    {
        (null, null) => true,
        (double x, double y) => x.Equals(y),
        (long x, long y) => x == y,
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ => false,
    };

    private static object? Normalize(object? v) => v switch
    {
        int i => (long)i,
        float f => (double)f,
        decimal m => (double)m,
        null or string or bool or long or double => v,
        _ => throw new ArgumentException($"a choice must be a string, number, bool or null, but got {v.GetType().Name}."),
    };
}
