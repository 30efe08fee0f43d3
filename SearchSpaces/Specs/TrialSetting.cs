namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// One fixed config value of a trial under its dotted key (<c>dataset: { kind: x }</c> becomes
/// <c>dataset.kind</c>), the form a trainer takes as <c>--set dataset.kind=x</c>. The value is a string, long,
/// double, bool, or a list of those (<see cref="System.Collections.Immutable.ImmutableArray{T}"/> of object?).
/// </summary>
public sealed record TrialSetting(string Key, object? Value);
