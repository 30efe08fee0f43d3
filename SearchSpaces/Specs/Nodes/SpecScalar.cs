using System.Globalization;
using System.Text.RegularExpressions;

namespace Sweep.SearchSpaces.Specs.Nodes;

/// <summary>
/// A YAML scalar. <see cref="Value"/> types it by the YAML 1.2 core schema (what JSON Schema tools see):
/// quoted scalars are strings; plain ones may be null, bool, long, double or string. So <c>yes</c> stays a
/// string, unlike YAML 1.1.
/// </summary>
public sealed partial record SpecScalar(string Text, bool Plain, int Line, int Column) : SpecNode(Line, Column)
{
    public object? Value => Plain ? Resolve(Text) : Text;

    public override string Describe() => Value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        _ => Text,
    };

    private static object? Resolve(string t)
    {
        switch (t)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        if (IntPattern().IsMatch(t))
            return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? l : (object)double.Parse(t, CultureInfo.InvariantCulture);
        if (t.StartsWith("0x", StringComparison.Ordinal) && HexPattern().IsMatch(t))
            return long.Parse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (FloatPattern().IsMatch(t))
            return double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
        return t;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^0x[0-9a-fA-F]{1,15}$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
