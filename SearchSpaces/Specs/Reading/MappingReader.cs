using Sweep.Contracts.Text;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>
/// Reads one map of the spec: remembers which keys were asked for so the rest can be reported as unknown,
/// reports duplicate keys, and reads typed values with errors at the value's position.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, SpecEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public MappingReader(SpecMapping node, string path, SpecDiagnostics diagnostics)
    {
        Node = node;
        Path = path;
        Diagnostics = diagnostics;
        foreach (var entry in node.Entries)
        {
            var key = entry.Key.Text;
            if (_entries.TryGetValue(key, out var first))
                diagnostics.Add(entry.Key, Child(key), $"is given twice (first at {first.Key.Line}:{first.Key.Column})");
            else
                _entries[key] = entry;
        }
    }

    public SpecMapping Node { get; }

    public string Path { get; }

    public SpecDiagnostics Diagnostics { get; }

    /// <summary>Distinct entries in file order (the first of duplicates).</summary>
    public IEnumerable<SpecEntry> Entries => _entries.Values;

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _entries.ContainsKey(key);

    public SpecEntry? Entry(string key) => _entries.GetValueOrDefault(key);

    public SpecNode? Get(string key)
    {
        _asked.Add(key);
        return _entries.TryGetValue(key, out var e) ? e.Value : null;
    }

    public SpecNode? Required(string key)
    {
        var node = Get(key);
        if (node is null) Diagnostics.Add(Node, Child(key), "is required");
        return node;
    }

    /// <summary>Reports every key not asked for, suggesting the closest of <paramref name="known"/> (default: the keys asked for).</summary>
    public void RejectUnknown(string? context = null, IEnumerable<string>? known = null)
    {
        var knownList = (known ?? _asked).ToList();
        foreach (var entry in _entries.Values)
        {
            var key = entry.Key.Text;
            if (_asked.Contains(key)) continue;
            var suggestion = KeySuggester.Closest(key, knownList);
            var hint = suggestion is not null ? $"; did you mean '{suggestion}'?" : $" (known: {string.Join(", ", knownList)})";
            Diagnostics.Add(entry.Key, Child(key), $"is not a known key{context}{hint}");
        }
    }

    public SpecMapping? Map(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Map(node, Child(key), Diagnostics);
    }

    public int? Int(string key, int min = int.MinValue)
    {
        var node = Get(key);
        return node is null ? null : Values.Int(node, Child(key), Diagnostics, min);
    }

    public long? Long(string key)
    {
        var node = Get(key);
        return node is null ? null : Values.Long(node, Child(key), Diagnostics);
    }

    public double? Number(string key)
    {
        var node = Get(key);
        return node is null ? null : Values.Number(node, Child(key), Diagnostics);
    }

    public bool? Bool(string key)
    {
        var node = Get(key);
        return node is null ? null : Values.Bool(node, Child(key), Diagnostics);
    }

    public string? String(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.String(node, Child(key), Diagnostics);
    }

    public string? OneOf(string key, IReadOnlyList<string> allowed, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.OneOf(node, Child(key), Diagnostics, allowed);
    }

    /// <summary>A duration such as 90s, 30m, 12h or 1h30m; zero only when <paramref name="allowZero"/>.</summary>
    public TimeSpan? Duration(string key, bool allowZero = false)
    {
        var node = Get(key);
        if (node is null) return null;
        var text = node is SpecScalar { Value: string s } ? s : null;
        if (text is not null && DurationFormat.TryParse(text, out var t) && (t > TimeSpan.Zero || allowZero && t == TimeSpan.Zero)) return t;
        Diagnostics.Add(node, Child(key), $"must be a duration such as {(allowZero ? "0s, " : "")}90s, 30m, 12h, 2d or 1h30m (got {node.Describe()})");
        return null;
    }

    /// <summary>
    /// Maps an option record's <c>Validate()</c> message ("sampler.candidates must be >= 1 (got 0)") to the
    /// position of the key it names, or of this map when the key is absent.
    /// </summary>
    public void ReportOption(string? message)
    {
        if (message is null) return;
        var prefix = Path + ".";
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            Diagnostics.Add(Node, Path, message);
            return;
        }
        var space = message.IndexOf(' ', prefix.Length);
        var key = space < 0 ? message[prefix.Length..] : message[prefix.Length..space];
        var rest = space < 0 ? "is invalid" : message[(space + 1)..];
        Diagnostics.Add(Entry(key)?.Value ?? Node, Child(key), rest);
    }
}
