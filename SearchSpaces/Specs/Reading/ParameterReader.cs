using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sweep.Contracts.Text;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Reads <c>parameters:</c> in file order into the parameters of a search space.</summary>
internal static partial class ParameterReader
{
    /// <summary>Names a trainer accepts as <c>--set name=value</c>: identifiers joined by dots (tmkt.mixRatio).</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    public static partial Regex NamePattern();

    /// <summary>The parameters that were read without error, and the key node of every parameter (for later checks).</summary>
    public static (List<Parameter> Parameters, Dictionary<string, SpecScalar> Keys) Read(SpecMapping node, SpecDiagnostics d)
    {
        var m = new MappingReader(node, "parameters", d);
        var entries = m.Entries.ToList();
        if (entries.Count == 0) d.Add(node, "parameters", "must define at least one parameter");
        var all = entries.Select(e => e.Key.Text).ToHashSet(StringComparer.Ordinal);
        var keys = new Dictionary<string, SpecScalar>(StringComparer.Ordinal);
        var built = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        var result = new List<Parameter>();
        foreach (var entry in entries)
        {
            var name = entry.Key.Text;
            var path = m.Child(name);
            keys[name] = entry.Key;
            if (!NamePattern().IsMatch(name))
                d.Add(entry.Key, path, "is not a valid parameter name (letters, digits and '_', dot-separated, not starting with a digit)");
            else if (name is "command" or "function")
                d.Add(entry.Key, path, $"is reserved: trial.{name} says what a trial runs and cannot be searched");
            if (Values.Map(entry.Value, path, d) is not { } map) continue;
            var p = new MappingReader(map, path, d);
            var type = p.OneOf("type", DistributionReader.Types, required: true);
            var distribution = type switch
            {
                "float" => DistributionReader.Float(p),
                "int" => DistributionReader.Int(p),
                "categorical" => DistributionReader.Categorical(p),
                _ => null,
            };
            var whenNode = p.Get("when");
            var condition = whenNode is null ? null : Condition(whenNode, name, p.Child("when"), built, keys, all, d);
            if (type is not null) p.RejectUnknown($" for a {type} parameter");
            if (distribution is not null && (whenNode is null || condition is not null))
            {
                var parameter = new Parameter(name, distribution, condition);
                built[name] = parameter;
                result.Add(parameter);
            }
        }
        return (result, keys);
    }

    private static ParameterCondition? Condition(
        SpecNode node, string name, string path, Dictionary<string, Parameter> built,
        Dictionary<string, SpecScalar> earlier, HashSet<string> all, SpecDiagnostics d)
    {
        if (Values.Map(node, path, d) is not { } map) return null;
        var m = new MappingReader(map, path, d);
        if (!m.Entries.Any())
        {
            d.Add(map, path, "must name at least one earlier parameter, e.g. when: { method: tmkt }");
            return null;
        }
        var ok = true;
        var requirements = new Dictionary<string, ImmutableArray<object?>>(StringComparer.Ordinal);
        foreach (var entry in m.Entries)
        {
            var parent = entry.Key.Text;
            var at = m.Child(parent);
            if (!built.TryGetValue(parent, out var parentParameter))
            {
                ok = false;
                if (parent == name) d.Add(entry.Key, at, "is the parameter itself; a condition names an earlier parameter");
                else if (earlier.ContainsKey(parent)) continue;   // the parent has its own error already
                else if (all.Contains(parent)) d.Add(entry.Key, at, $"names parameter '{parent}', which is defined after '{name}'; a condition may only name earlier parameters");
                else
                {
                    var suggestion = KeySuggester.Closest(parent, earlier.Keys.Where(k => k != name));
                    d.Add(entry.Key, at, $"names no parameter{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
                }
                continue;
            }
            var allowed = Allowed(entry.Value, at, parentParameter, d);
            if (allowed is null) ok = false;
            else requirements[parent] = [.. allowed];
        }
        return ok ? new ParameterCondition(requirements.ToImmutableDictionary(StringComparer.Ordinal)) : null;
    }

    private static List<object?>? Allowed(SpecNode node, string path, Parameter parent, SpecDiagnostics d)
    {
        var items = node is SpecSequence seq ? seq.Items.ToList() : [node];
        if (items.Count == 0)
        {
            d.Add(node, path, "must list at least one value");
            return null;
        }
        var result = new List<object?>();
        foreach (var item in items)
        {
            if (item is not SpecScalar s)
            {
                d.Add(item, path, $"must be a value or a list of values of '{parent.Name}' (got {item.Describe()})");
                return null;
            }
            if (!InDomain(parent.Distribution, s.Value))
            {
                d.Add(s, path, $"value {DistributionReader.Show(s.Value)} is not in the domain of '{parent.Name}' ({Domain(parent.Distribution)})");
                return null;
            }
            result.Add(s.Value);
        }
        return result;
    }

    private static bool InDomain(Distribution distribution, object? value)
    {
        try
        {
            distribution.ToInternal(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static string Domain(Distribution distribution) => distribution switch
    {
        CategoricalDistribution c => "choices: " + string.Join(", ", c.Choices.Select(DistributionReader.Show)),
        IntDistribution i => $"int in [{i.Low}, {i.High}]" + (i.Step != 1 ? $", step {i.Step}" : ""),
        FloatDistribution f => $"float in [{Values.Format(f.Low)}, {Values.Format(f.High)}]" + (f.Step is { } s ? $", step {Values.Format(s)}" : ""),
        _ => distribution.GetType().Name,
    };
}
