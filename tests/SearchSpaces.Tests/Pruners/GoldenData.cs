using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>Reads golden/pruner_golden.json (written by golden/make_golden.py with Optuna 3.1) from the source tree.</summary>
internal static class GoldenData
{
    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(PathOf())));

    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>A JSON number, or NaN for null (the script writes NaN as null).</summary>
    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    public static StudyDirection Direction(JsonElement e) =>
        e.GetString() == "maximize" ? StudyDirection.Maximize : StudyDirection.Minimize;

    private static string PathOf([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "golden", "pruner_golden.json");
}
