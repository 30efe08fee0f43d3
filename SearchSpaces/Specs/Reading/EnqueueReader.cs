using System.Collections.Immutable;
using Sweep.Contracts.Text;
using Sweep.SearchSpaces.Spaces;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>
/// Reads <c>budget.enqueue</c>: known configurations that run before the sampler's own (Optuna's
/// <c>enqueue_trial</c>). Each entry maps parameter names to values inside their domains; a parameter left out is
/// sampled. Read after <c>parameters:</c>, since every value is checked against its parameter.
/// </summary>
internal static class EnqueueReader
{
    public const string Path = "budget.enqueue";

    /// <summary>The entries as internal values (choice index for categoricals), or empty after errors.</summary>
    public static ImmutableArray<ImmutableSortedDictionary<string, double>> Read(SpecNode node, SearchSpace space, int? maxTrials, SpecDiagnostics d)
    {
        if (node is not SpecSequence list)
        {
            d.Add(node, Path, $"must be a list of parameter maps, e.g. [{{ lr: 0.005 }}] (got {node.Describe()})");
            return [];
        }
        var errors = d.Count;
        if (maxTrials is { } max && list.Items.Length > max)
            d.Add(node, Path, $"lists {list.Items.Length} configurations, more than budget.maxTrials ({max}) runs");
        var result = ImmutableArray.CreateBuilder<ImmutableSortedDictionary<string, double>>();
        for (var i = 0; i < list.Items.Length; i++)
            if (Entry(list.Items[i], $"{Path}[{i}]", space, d) is { } entry) result.Add(entry);
        return d.Count > errors ? [] : result.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, double>? Entry(SpecNode node, string path, SearchSpace space, SpecDiagnostics d)
    {
        if (Values.Map(node, path, d) is not { } map) return null;
        var m = new MappingReader(map, path, d);
        var errors = d.Count;
        if (!m.Entries.Any()) d.Add(map, path, "must fix at least one parameter, e.g. { lr: 0.005 }");
        var values = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var external = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in m.Entries)
        {
            var name = entry.Key.Text;
            var at = m.Child(name);
            if (!space.TryGet(name, out var parameter))
            {
                var suggestion = KeySuggester.Closest(name, space.Parameters.Select(p => p.Name));
                d.Add(entry.Key, at, "names no parameter" + (suggestion is null ? $" (parameters: {string.Join(", ", space.Parameters.Select(p => p.Name))})" : $"; did you mean '{suggestion}'?"));
                continue;
            }
            if (entry.Value is not SpecScalar { Value: not null } scalar)
            {
                d.Add(entry.Value, at, $"must be a value of parameter '{name}' ({ParameterReader.Domain(parameter.Distribution)}); got {entry.Value.Describe()}");
                continue;
            }
            try
            {
                values[name] = parameter.Distribution.ToInternal(scalar.Value);
                external[name] = scalar.Value;
            }
            catch (ArgumentException)
            {
                d.Add(scalar, at, $"= {DistributionReader.Show(scalar.Value)} is outside parameter '{name}' ({ParameterReader.Domain(parameter.Distribution)})");
            }
        }
        // A value for a parameter its fixed parents switch off would be dropped silently: refuse it instead.
        foreach (var entry in m.Entries)
            if (space.TryGet(entry.Key.Text, out var p) && p.When is { } when && external.ContainsKey(p.Name)
                && when.Requirements.Keys.All(external.ContainsKey) && !when.IsSatisfied(external))
                d.Add(entry.Key, m.Child(p.Name), $"is inactive with the other values of this entry (it needs {string.Join(", ", when.Requirements.Select(r => $"{r.Key} in [{string.Join(", ", r.Value.Select(DistributionReader.Show))}]"))})");
        return d.Count > errors ? null : values.ToImmutable();
    }
}
