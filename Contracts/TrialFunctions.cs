using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Sweep.Contracts;

/// <summary>
/// The benchmark functions a spec may name as <c>trial.function</c>, and the parameters each reads: what the spec
/// reader checks and what the in-process runner evaluates.
/// </summary>
public static class TrialFunctions
{
    /// <summary>Function name → the parameter names it reads, in argument order.</summary>
    public static FrozenDictionary<string, ImmutableArray<string>> Parameters { get; } = new Dictionary<string, ImmutableArray<string>>
    {
        ["branin"] = ["x1", "x2"],
        ["hartmann6"] = [.. Enumerable.Range(0, 6).Select(i => $"x{i}")],
        ["rosenbrock"] = [.. Enumerable.Range(0, 5).Select(i => $"p{i}")],
        ["mixed"] = ["x", "lr", "n_layers", "units", "optimizer"],
        ["branin-noisy"] = ["x1", "x2"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The names, in a fixed order for messages.</summary>
    public static ImmutableArray<string> Names { get; } = ["branin", "hartmann6", "rosenbrock", "mixed", "branin-noisy"];
}
