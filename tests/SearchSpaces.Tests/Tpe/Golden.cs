using System.Text.Json;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Tpe;

/// <summary>Reads golden.json, written by golden/make_golden.py from Optuna 3.1's own code.</summary>
internal static class Golden
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Tpe", "golden", "golden.json"))).RootElement);

    public static JsonElement Get(string key) => Root.Value.GetProperty(key);

    public static double[] Doubles(this JsonElement e) => [.. e.EnumerateArray().Select(Number)];

    /// <summary>A JSON number, or the strings "nan", "inf", "-inf" the generator writes for non-finite values; null is NaN.</summary>
    public static double Number(this JsonElement x) => x.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => x.GetString() switch { "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.NaN },
        _ => x.GetDouble(),
    };

    public static int[] Ints(this JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32())];

    public static Distribution Distribution(JsonElement d)
    {
        var type = d.GetProperty("type").GetString();
        var log = d.TryGetProperty("log", out var l) && l.GetBoolean();
        return type switch
        {
            "float" => new FloatDistribution(d.GetProperty("low").GetDouble(), d.GetProperty("high").GetDouble(), log,
                d.TryGetProperty("step", out var s) ? s.GetDouble() : null),
            "int" => new IntDistribution(d.GetProperty("low").GetInt64(), d.GetProperty("high").GetInt64(), log,
                d.TryGetProperty("step", out var s2) ? s2.GetInt64() : 1),
            _ => new CategoricalDistribution(d.GetProperty("choices").EnumerateArray().Select(c => (object?)c.GetString())),
        };
    }

    public static SearchSpace Space(JsonElement specs) =>
        new(specs.EnumerateArray().Select(s => new Parameter(s.GetProperty("name").GetString()!, Distribution(s))));

    /// <summary>Relative closeness with an absolute floor, for values compared against Optuna's.</summary>
    public static void Close(double expected, double actual, double tol, string what)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        if (expected == actual) return;
        var err = Math.Abs(expected - actual) / Math.Max(1.0, Math.Abs(expected));
        Assert.True(err <= tol, $"{what}: expected {expected:R}, got {actual:R} (relative error {err:E2} > {tol:E0})");
    }
}
