using System.Globalization;
using Sweep.Contracts.Text;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Typed reads of one node; each adds an error at the node and returns null when the node does not fit.</summary>
internal static class Values
{
    public static SpecMapping? Map(SpecNode node, string path, SpecDiagnostics d)
    {
        if (node is SpecMapping m) return m;
        d.Add(node, path, $"must be a map (got {node.Describe()})");
        return null;
    }

    public static long? Long(SpecNode node, string path, SpecDiagnostics d)
    {
        if (node is SpecScalar { Value: long l }) return l;
        d.Add(node, path, $"must be an integer (got {node.Describe()})");
        return null;
    }

    public static int? Int(SpecNode node, string path, SpecDiagnostics d, int min = int.MinValue)
    {
        if (Long(node, path, d) is not { } l) return null;
        if (l < min)
        {
            d.Add(node, path, $"must be >= {min} (got {l})");
            return null;
        }
        if (l > int.MaxValue || l < int.MinValue)
        {
            d.Add(node, path, $"must be at most {int.MaxValue} (got {l})");
            return null;
        }
        return (int)l;
    }

    public static double? Number(SpecNode node, string path, SpecDiagnostics d)
    {
        double? v = node is SpecScalar s ? s.Value switch { long l => l, double x => x, _ => null } : null;
        if (v is null)
        {
            d.Add(node, path, $"must be a number (got {node.Describe()})");
            return null;
        }
        if (!double.IsFinite(v.Value))
        {
            d.Add(node, path, $"must be a finite number (got {node.Describe()})");
            return null;
        }
        return v;
    }

    public static bool? Bool(SpecNode node, string path, SpecDiagnostics d)
    {
        if (node is SpecScalar { Value: bool b }) return b;
        d.Add(node, path, $"must be true or false (got {node.Describe()})");
        return null;
    }

    public static string? String(SpecNode node, string path, SpecDiagnostics d)
    {
        if (node is SpecScalar { Value: string s }) return s;
        d.Add(node, path, $"must be a string (got {node.Describe()})");
        return null;
    }

    public static string? OneOf(SpecNode node, string path, SpecDiagnostics d, IReadOnlyList<string> allowed)
    {
        var s = String(node, path, d);
        if (s is null || allowed.Contains(s)) return s;
        var suggestion = KeySuggester.Closest(s, allowed);
        d.Add(node, path, $"must be one of {string.Join(", ", allowed)} (got '{s}')"
                          + (suggestion is not null ? $"; did you mean '{suggestion}'?" : ""));
        return null;
    }

    /// <summary>A number as YAML writes it back: integral values without a decimal point.</summary>
    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
