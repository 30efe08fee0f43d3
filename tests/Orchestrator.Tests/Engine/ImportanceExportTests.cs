using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Importance;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// Importance agrees with Optuna's on the exported journal: a small function sweep is exported with
/// <c>sweep export -f optuna-journal</c>, Optuna 3.1 computes its fANOVA importances from that journal, and ours from
/// the sweep's own trials must rank the parameters the same and match each value within <see cref="Tolerance"/>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ImportanceExportTests
{
    /// <summary>Absolute tolerance per importance; the forest replays sklearn's, so differences are rounding (below 1e-12).</summary>
    private const double Tolerance = 1e-9;

    private static readonly string Spec = TestSpecs.MixedFunction("importance", 40, 4, TestSpecs.Random(11), steps: 1, parameters: """
        x: { type: float, low: -5, high: 5 }
        lr: { type: float, low: 1.0e-4, high: 1.0, log: true }
        n_layers: { type: int, low: 1, high: 8 }
        units: { type: int, low: 64, high: 256, log: true }
        optimizer: { type: categorical, choices: [sgd, adam, rmsprop] }
        """);

    [Fact]
    public async Task Importance_agrees_with_optunas_on_the_exported_journal()
    {
        using var cli = new SweepCli();
        var specFile = cli.WriteSpec(Spec);
        Assert.Equal(0, (await cli.Run("start", specFile, "--home", cli.Home, "--id", "imp")).Code);
        var journal = Path.Combine(cli.Directory, "journal.log");
        Assert.Equal(0, (await cli.Run("export", "imp", "--home", cli.Home, "-f", "optuna-journal", "-o", journal)).Code);

        var space = SpecLoader.Load(specFile).Space.Parameters.ToDictionary(p => p.Name, p => p.Distribution);
        var samples = (await cli.Trials("imp")).Where(t => t!["state"]!.GetValue<string>() == "complete")
            .Select(t => new ImportanceSample(
                t!["params"]!.AsObject().ToDictionary(kv => kv.Key, kv => space[kv.Key].ToInternal(External(kv.Value!, space[kv.Key]))),
                t["value"]!.GetValue<double>()))
            .ToList();
        Assert.Equal(40, samples.Count);

        var ours = FanovaImportance.Evaluate(space, samples, seed: 0);
        var theirs = await OptunaImportancesAsync(journal, "imp");

        Assert.Equal(theirs.Select(p => p.Name), ours.Select(p => p.Name));
        foreach (var (o, t) in ours.Zip(theirs))
            Assert.True(Math.Abs(o.Importance - t.Importance) <= Tolerance, $"{o.Name}: ours {o.Importance:R}, Optuna {t.Importance:R}");
    }

    private static object? External(JsonNode value, Distribution d) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number when d is IntDistribution => value.GetValue<long>(),
        JsonValueKind.Number => value.GetValue<double>(),
        _ => throw new ArgumentException($"unexpected parameter value {value.ToJsonString()}"),
    };

    private static async Task<List<ParamImportance>> OptunaImportancesAsync(string journal, string study)
    {
        var script = $$"""
            import json, warnings
            warnings.simplefilter("ignore")
            import optuna
            from optuna.importance import FanovaImportanceEvaluator, get_param_importances
            s = optuna.load_study(study_name="{{study}}", storage=optuna.storages.JournalStorage(optuna.storages.JournalFileStorage("{{journal}}")))
            print(json.dumps(list(get_param_importances(s, evaluator=FanovaImportanceEvaluator(seed=0)).items())))
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var err = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, await err);
        return [.. JsonNode.Parse(await output)!.AsArray().Select(n => new ParamImportance(n![0]!.GetValue<string>(), n[1]!.GetValue<double>()))];
    }
}
