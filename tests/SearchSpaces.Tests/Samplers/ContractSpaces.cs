using System.Collections.Immutable;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

/// <summary>The search spaces the sampler contract runs on, kept small enough for a grid to cover quickly.</summary>
public static class ContractSpaces
{
    public static SearchSpace Mixed() => new([
        new("lr", new FloatDistribution(1e-5, 1e-1, log: true)),
        new("dropout", new FloatDistribution(0, 0.5)),
        new("mix", new FloatDistribution(0.2, 0.8, step: 0.2)),
        new("layers", new IntDistribution(1, 4)),
        new("batch", new IntDistribution(16, 256, log: true)),
        new("timesteps", new IntDistribution(4, 12, step: 4)),
        new("surrogate", new CategoricalDistribution(["qgate", "sigmoid", "atan"])),
    ]);

    /// <summary>
    /// method ∈ {a, b, c}; x when method = a; y and depth when method ∈ {b, c}; z when depth = deep (so only under
    /// b or c); w when method = c and depth = deep (two parents).
    /// </summary>
    public static SearchSpace Conditional() => new([
        new("method", new CategoricalDistribution(["a", "b", "c"])),
        new("x", new FloatDistribution(-1, 1), When(("method", ["a"]))),
        new("y", new IntDistribution(1, 3), When(("method", ["b", "c"]))),
        new("depth", new CategoricalDistribution(["shallow", "deep"]), When(("method", ["b", "c"]))),
        new("z", new FloatDistribution(1e-3, 1, log: true), When(("depth", ["deep"]))),
        new("w", new CategoricalDistribution(["p", "q"]), When(("method", ["c"]), ("depth", ["deep"]))),
    ]);

    public static SearchSpace Continuous() => new([
        new("x", new FloatDistribution(-5, 5)),
        new("y", new FloatDistribution(0, 1)),
        new("lr", new FloatDistribution(1e-4, 1, log: true)),
    ]);

    public static SearchSpace LogOnly() => new([
        new("lr", new FloatDistribution(1e-4, 1, log: true)),
        new("n", new IntDistribution(1, 1024, log: true)),
    ]);

    public static SearchSpace SinglePoints() => new([
        new("f", new FloatDistribution(2.5, 2.5)),
        new("i", new IntDistribution(7, 7)),
        new("c", new CategoricalDistribution(["only"])),
        new("s", new FloatDistribution(0.5, 0.5, step: 0.1)),
        new("free", new FloatDistribution(0, 1)),
    ]);

    public static SearchSpace CategoricalsOnly() => new([
        new("optimizer", new CategoricalDistribution(["sgd", "adam", "adamw"])),
        new("bias", new CategoricalDistribution([true, false])),
        new("mixed", new CategoricalDistribution([1L, 2.5, "three", null])),
    ]);

    public static ParameterCondition When(params (string Parent, object?[] Values)[] requirements) =>
        new(requirements.ToImmutableDictionary(r => r.Parent, r => r.Values.ToImmutableArray()));
}
