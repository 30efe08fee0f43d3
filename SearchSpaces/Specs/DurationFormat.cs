using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sweep.SearchSpaces.Specs;

/// <summary>Durations as specs write them: units d, h, m, s in that order, each at most once (90s, 30m, 12h, 2d, 1h30m).</summary>
public static partial class DurationFormat
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var m = Pattern().Match(text);
        if (!m.Success || text.Length == 0) return false;
        double Part(string unit) => m.Groups[unit].Success ? double.Parse(m.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = ((Part("d") * 24 + Part("h")) * 60 + Part("m")) * 60 + Part("s");
        if (seconds > TimeSpan.MaxValue.TotalSeconds / 2) return false;
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The shortest spec form of <paramref name="duration"/> (whole seconds), e.g. 1h30m.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return "0s";
        var sb = new StringBuilder();
        if (duration.Days > 0) sb.Append(CultureInfo.InvariantCulture, $"{duration.Days}d");
        if (duration.Hours > 0) sb.Append(CultureInfo.InvariantCulture, $"{duration.Hours}h");
        if (duration.Minutes > 0) sb.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}m");
        if (duration.Seconds > 0) sb.Append(CultureInfo.InvariantCulture, $"{duration.Seconds}s");
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,5})d)?(?:(?<h>[0-9]{1,6})h)?(?:(?<m>[0-9]{1,8})m)?(?:(?<s>[0-9]{1,10})s)?$")]
    private static partial Regex Pattern();
}
