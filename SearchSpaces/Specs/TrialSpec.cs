using System.Collections.Immutable;

namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// What each trial runs (<see cref="Target"/>: a method name, a shell command, or a function name) and the
/// fixed config passed to it, in file order. A search parameter named <c>method</c> overrides
/// <see cref="Target"/> per trial when <see cref="Kind"/> is <see cref="TrialKind.Method"/>.
/// </summary>
public sealed record TrialSpec(TrialKind Kind, string Target, ImmutableArray<TrialSetting> Settings)
{
    public static IReadOnlyList<string> Methods { get; } = ["dvs", "kt", "tmkt", "ckd", "ann"];

    public static IReadOnlyList<string> Functions { get; } = ["branin", "hartmann6", "rosenbrock", "mixed"];

    public object? this[string key] => Settings.FirstOrDefault(s => s.Key == key)?.Value;
}
