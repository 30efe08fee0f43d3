using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sweep.Contracts.Config;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>
/// Reads <c>trial:</c>: exactly one of method, command or function; the engine's own keys
/// (<see cref="TrialSpec.EngineKeys"/>); every other key is fixed config, nested maps flattened to dotted keys (the
/// form <c>--set</c> takes), lists of scalars kept as lists. Relative script paths of a command are taken from the
/// spec's folder.
/// </summary>
internal static partial class TrialReader
{
    private static readonly string[] Kinds = ["method", "command", "function"];

    /// <summary>The trial, or null after errors; <paramref name="keys"/> gets the key node of every fixed setting.</summary>
    public static TrialSpec? Read(SpecMapping node, SpecDiagnostics d, Dictionary<string, SpecScalar> keys, string? baseDirectory)
    {
        var errors = d.Count;
        var m = new MappingReader(node, "trial", d);
        var given = m.Entries.Select(e => e.Key.Text).Where(Kinds.Contains).ToList();   // file order: the later one is the extra
        if (given.Count == 0)
            d.Add(node, "trial", "needs exactly one of method, command or function");
        foreach (var extra in given.Skip(1))
            d.Add(m.Entry(extra)!.Key, m.Child(extra), $"cannot be combined with trial.{given[0]}; give exactly one of method, command or function");
        (TrialKind Kind, string? Target)? what = given.Count == 0 ? null : given[0] switch
        {
            "method" => (TrialKind.Method, m.OneOf("method", ConfigKeys.Methods)),
            "function" => (TrialKind.Function, m.OneOf("function", TrialFunctions.Names)),
            _ => (TrialKind.Command, Command(m, baseDirectory)),
        };
        var stopGrace = m.Duration("stopGrace", allowZero: true) ?? TrialSpec.DefaultStopGrace;
        var timeout = m.Duration("timeout");
        var progressTimeout = m.Duration("progressTimeout");
        var gpuMemory = m.Number("gpuMemoryGb");
        if (gpuMemory is <= 0) d.Add(m.Get("gpuMemoryGb")!, m.Child("gpuMemoryGb"), $"must be > 0 (got {gpuMemory})");
        var labels = Labels(m);
        var settings = new List<TrialSetting>();
        foreach (var entry in m.Entries.Where(e => !Kinds.Contains(e.Key.Text) && !TrialSpec.EngineKeys.Contains(e.Key.Text)))
            Flatten(entry.Key, entry.Key.Text, entry.Value, settings, keys, d);
        return d.Count > errors || what is not { Target: { } target }
            ? null
            : new TrialSpec(what.Value.Kind, target, [.. settings]) { StopGrace = stopGrace, Timeout = timeout, ProgressTimeout = progressTimeout, GpuMemoryGb = gpuMemory, Labels = labels };
    }

    /// <summary><c>trial.labels</c>: a map of label names to the values a node must carry.</summary>
    private static ImmutableSortedDictionary<string, string> Labels(MappingReader m)
    {
        if (m.Map("labels") is not { } map) return ImmutableSortedDictionary<string, string>.Empty;
        var labels = new MappingReader(map, m.Child("labels"), m.Diagnostics);
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in labels.Entries)
            if (entry.Value is SpecScalar { Value: not null and not IDictionary<string, object> } scalar)
                result[entry.Key.Text] = Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            else
                m.Diagnostics.Add(entry.Value, labels.Child(entry.Key.Text), $"must be a label value such as a100 (got {entry.Value.Describe()})");
        return result.ToImmutable();
    }

    private static string? Command(MappingReader m, string? baseDirectory)
    {
        var command = m.String("command");
        if (command is not null && string.IsNullOrWhiteSpace(command))
        {
            m.Diagnostics.Add(m.Get("command")!, m.Child("command"), "must not be empty");
            return null;
        }
        return command is null || baseDirectory is null ? command : CommandTemplate.ResolvePaths(command, baseDirectory);
    }

    private static void Flatten(SpecScalar keyNode, string key, SpecNode value, List<TrialSetting> settings,
                                Dictionary<string, SpecScalar> keys, SpecDiagnostics d)
    {
        var path = $"trial.{key}";
        if (!KeyPattern().IsMatch(keyNode.Text))
        {
            d.Add(keyNode, path, "is not a valid config key (letters, digits, '_' and '-', dot-separated, not starting with a digit)");
            return;
        }
        switch (value)
        {
            case SpecMapping map:
                var inner = new MappingReader(map, path, d);
                if (!inner.Entries.Any()) d.Add(map, path, "must not be an empty map");
                foreach (var e in inner.Entries)
                    Flatten(e.Key, $"{key}.{e.Key.Text}", e.Value, settings, keys, d);
                return;
            case SpecSequence seq:
                var items = ImmutableArray.CreateBuilder<object?>();
                for (var i = 0; i < seq.Items.Length; i++)
                {
                    if (seq.Items[i] is SpecScalar { Value: not null } s) items.Add(s.Value);
                    else d.Add(seq.Items[i], $"{path}[{i}]", $"must be a string, number or bool (got {seq.Items[i].Describe()})");
                }
                Add(keyNode, key, items.ToImmutable(), settings, keys, d);
                return;
            case SpecScalar { Value: null }:
                d.Add(value, path, "has no value; remove the key or give it one");
                return;
            case SpecScalar s:
                Add(keyNode, key, s.Value, settings, keys, d);
                return;
        }
    }

    private static void Add(SpecScalar keyNode, string key, object? value, List<TrialSetting> settings,
                            Dictionary<string, SpecScalar> keys, SpecDiagnostics d)
    {
        // dataset.kind and dataset: { kind } reach the trainer as the same --set key.
        if (keys.TryGetValue(key, out var first))
        {
            d.Add(keyNode, $"trial.{key}", $"is given twice (first at {first.Line}:{first.Column})");
            return;
        }
        keys[key] = keyNode;
        settings.Add(new TrialSetting(key, value));
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$")]
    private static partial Regex KeyPattern();
}
