using System.Globalization;

namespace Sweep.Contracts.Config;

/// <summary>Parses a key's text by the key's type; the same rules for YAML, <c>--set</c> and SWEEP_PARAMS.</summary>
public static class ConfigValueParser
{
    /// <summary>The typed value, or null with <paramref name="error"/> = "expected … (got 'text')".</summary>
    /// <param name="baseDirectory">Folder relative paths are taken from; null keeps them relative to the working directory.</param>
    public static object? Parse(ConfigKey key, string text, string? baseDirectory, out string? error)
    {
        var t = text.Trim();
        object? value = key.Kind switch
        {
            ConfigValueKind.Int => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                                   && InRange(key, i) ? i : null,
            ConfigValueKind.Number => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                                      && double.IsFinite(d) && InRange(key, d) ? d : null,
            ConfigValueKind.Bool => t.ToLowerInvariant() switch
            {
                "true" or "on" => true,
                "false" or "off" => false,
                _ => null,
            },
            ConfigValueKind.Choice => key.Choices.FirstOrDefault(c => string.Equals(c, t, StringComparison.OrdinalIgnoreCase)),
            ConfigValueKind.Path => t.Length == 0 || baseDirectory is null || key.Keywords.Contains(t) ? t : Path.GetFullPath(t, baseDirectory),
            _ => text,
        };
        error = value is null ? $"expected {key.Expectation} (got '{text}')" : null;
        return value;
    }

    /// <summary>The text a value is written back as (JSON/YAML dumps, the config hash): invariant, round-trippable.</summary>
    public static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };

    private static bool InRange(ConfigKey key, double v) =>
        (key.Min is not { } min || (key.MinExclusive ? v > min : v >= min)) && (key.Max is not { } max || v <= max);
}
