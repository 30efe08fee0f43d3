using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Importance;

namespace Sweep.SearchSpaces.Tests.Importance;

/// <summary>Runs optuna_importance.py: Optuna 3.1's own fANOVA importances (and sklearn's trees) for the same samples.</summary>
internal static class OptunaImportanceScript
{
    public sealed record Result(IReadOnlyList<ParamImportance> Importances, JsonArray Trees);

    public static Result Run(IReadOnlyDictionary<string, Distribution> space, IReadOnlyList<ImportanceSample> samples, int seed = 0, int trees = 0)
    {
        var request = new JsonObject
        {
            ["space"] = new JsonObject(space.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Describe(kv.Value)))),
            ["trials"] = new JsonArray([.. samples.Select(s => (JsonNode)new JsonObject
            {
                ["params"] = new JsonObject(s.Params.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["value"] = s.Value,
            })]),
            ["seed"] = seed,
            ["trees"] = trees,
        };
        var script = Path.Combine(AppContext.BaseDirectory, "Importance", "optuna_importance.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(request.ToJsonString());
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"optuna_importance.py exited {p.ExitCode}: {stderr.Result}");
        var result = JsonNode.Parse(stdout)!;
        return new Result(
            [.. result["importances"]!.AsArray().Select(n => new ParamImportance(n![0]!.GetValue<string>(), n[1]!.GetValue<double>()))],
            result["trees"]?.AsArray() ?? []);
    }

    private static JsonObject Describe(Distribution d) => d switch
    {
        FloatDistribution f => new JsonObject { ["type"] = "float", ["low"] = f.Low, ["high"] = f.High, ["log"] = f.Log, ["step"] = f.Step },
        IntDistribution i => new JsonObject { ["type"] = "int", ["low"] = i.Low, ["high"] = i.High, ["log"] = i.Log, ["step"] = i.Step },
        CategoricalDistribution c => new JsonObject
        {
            ["type"] = "categorical",
            ["choices"] = new JsonArray([.. c.Choices.Select(v => (JsonNode?)JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)))]),
        },
        _ => throw new ArgumentException(d.GetType().Name),
    };
}
