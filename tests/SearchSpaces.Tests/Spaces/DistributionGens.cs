using FsCheck;
using FsCheck.Fluent;
using Sweep.SearchSpaces.Distributions;

namespace Sweep.SearchSpaces.Tests.Spaces;

/// <summary>FsCheck generators of valid distributions and of points of the unit interval.</summary>
public static class DistributionGens
{
    /// <summary>u ∈ [0, 1], ends included (they are where rounding goes wrong).</summary>
    public static readonly Gen<double> Unit =
        Gen.Frequency((1, Gen.Elements(0.0, 1.0, 0.5)), (8, Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0)));

    public static readonly Gen<FloatDistribution> Float =
        from kind in Gen.Choose(0, 2)
        from low in Gen.Choose(-100_000, 100_000)
        from width in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 200_000)))
        from step in Gen.Elements(0.001, 0.01, 0.1, 0.25, 0.5, 1, 3, 10)
        select kind switch
        {
            0 => new FloatDistribution(low / 100.0, (low + width) / 100.0),
            1 => new FloatDistribution(Math.Pow(10, low / 20_000.0), Math.Pow(10, low / 20_000.0) * (1 + width / 1000.0), log: true),
            _ => new FloatDistribution(low / 100.0, (low + width) / 100.0, step: step),
        };

    public static readonly Gen<IntDistribution> Int =
        from kind in Gen.Choose(0, 2)
        from low in Gen.Choose(-1_000_000, 1_000_000)
        from width in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 100_000)))
        from step in Gen.Choose(1, 50)
        select kind switch
        {
            0 => new IntDistribution(low, low + width),
            1 => new IntDistribution(Math.Abs(low) / 1000 + 1, Math.Abs(low) / 1000 + 1 + width, log: true),
            _ => new IntDistribution(low, low + width, step: step),
        };

    private static readonly object?[] ChoicePool = ["a", "b", "long string", "", 0L, 1L, -3L, 2.5, 1e-9, true, false, null];

    public static readonly Gen<CategoricalDistribution> Categorical =
        Gen.Shuffle(ChoicePool).SelectMany(shuffled => Gen.Choose(1, ChoicePool.Length).Select(n => new CategoricalDistribution(shuffled.Take(n))));

    public static readonly Gen<Distribution> Any =
        Gen.OneOf(Float.Select(d => (Distribution)d), Int.Select(d => (Distribution)d), Categorical.Select(d => (Distribution)d));

    /// <summary>Three generators drawn together (FsCheck's fluent Zip stops at two).</summary>
    public static Gen<(T1, T2, T3)> Zip3<T1, T2, T3>(Gen<T1> first, Gen<T2> second, Gen<T3> third) =>
        from a in first
        from b in second
        from c in third
        select (a, b, c);
}
