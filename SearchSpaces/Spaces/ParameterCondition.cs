using System.Collections.Immutable;
using Sweep.SearchSpaces.Distributions;

namespace Sweep.SearchSpaces.Spaces;

/// <summary>
/// When a conditional parameter is active: every named parent is active and its external value is one of the
/// listed values (spec: <c>when: { method: tmkt }</c> or <c>when: { method: [kt, tmkt] }</c>).
/// </summary>
public sealed record ParameterCondition(ImmutableDictionary<string, ImmutableArray<object?>> Requirements)
{
    public bool IsSatisfied(IReadOnlyDictionary<string, object?> externalAssignment) =>
        Requirements.All(r => externalAssignment.TryGetValue(r.Key, out var v)
                              && r.Value.Any(allowed => CategoricalDistribution.ChoiceEquals(allowed, v)));

    public bool Equals(ParameterCondition? other) =>
        other is not null && Requirements.Count == other.Requirements.Count
        && Requirements.All(r => other.Requirements.TryGetValue(r.Key, out var o)
                                 && r.Value.Length == o.Length
                                 && r.Value.Zip(o).All(p => CategoricalDistribution.ChoiceEquals(p.First, p.Second)));

    public override int GetHashCode() => Requirements.Count;
}
