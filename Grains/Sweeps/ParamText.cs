using System.Globalization;
using System.Text.Json;

namespace Sweep.Grains.Sweeps;

/// <summary>External parameter and setting values as text: JSON literals for output and SWEEP_PARAMS, plain for --set.</summary>
public static class ParamText
{
    /// <summary>The value as a JSON literal: <c>0.01</c>, <c>4</c>, <c>"adam"</c>, <c>true</c>, <c>null</c>.</summary>
    public static string Json(object? value) => value switch
    {
        null => "null",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : JsonSerializer.Serialize(d.ToString(CultureInfo.InvariantCulture)),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        string s => JsonSerializer.Serialize(s),
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(Json)) + "]",
        _ => JsonSerializer.Serialize(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>The value as a <c>--set key=value</c> right-hand side (strings unquoted, lists as JSON).</summary>
    public static string Plain(object? value) => value switch
    {
        string s => s,
        null => "null",
        _ => Json(value),
    };
}
