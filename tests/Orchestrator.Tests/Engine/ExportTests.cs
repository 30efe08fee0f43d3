using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>Exports of a finished sweep: the Optuna journal opens in Optuna 3.1's own JournalStorage; best writes a run config.</summary>
[Trait("Category", "Slow")]
public sealed class ExportTests
{
    private static readonly string Spec = TestSpecs.MixedFunction("export", 25, 3, TestSpecs.Tpe(5), steps: 4, pruner: TestSpecs.Median(3));

    [Fact]
    public async Task The_optuna_journal_opens_in_optuna_with_the_same_values_and_states()
    {
        using var cli = new SweepCli();
        Assert.Equal(0, (await cli.Run("start", cli.WriteSpec(Spec), "--home", cli.Home, "--id", "exp")).Code);
        var journal = Path.Combine(cli.Directory, "journal.log");
        Assert.Equal(0, (await cli.Run("export", "exp", "--home", cli.Home, "-f", "optuna-journal", "-o", journal)).Code);
        var script = $$"""
            import json, warnings
            warnings.simplefilter("ignore")
            import optuna
            s = optuna.load_study(study_name="exp", storage=optuna.storages.JournalStorage(optuna.storages.JournalFileStorage("{{journal}}")))
            print(json.dumps([[t.number, t.state.name, t.value, t.params, {str(k): v for k, v in t.intermediate_values.items()}] for t in s.trials]))
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, err);
        var optuna = JsonNode.Parse(output)!.AsArray();
        var ours = await cli.Trials("exp");
        Assert.Equal(25, optuna.Count);
        foreach (var (o, t) in optuna.Zip(ours))
        {
            Assert.Equal(t!["number"]!.GetValue<int>(), o![0]!.GetValue<int>());
            var state = t["state"]!.GetValue<string>();
            Assert.Equal(state == "failed" ? "FAIL" : state.ToUpperInvariant(), o[1]!.GetValue<string>());
            Assert.Equal(t["value"]?.GetValue<double>(), o[2]?.GetValue<double>());
            foreach (var (k, v) in t["params"]!.AsObject())
                if (v!.GetValueKind() == System.Text.Json.JsonValueKind.Number) Assert.Equal(v.GetValue<double>(), o[3]![k]!.GetValue<double>());
                else Assert.Equal(v.GetValue<string>(), o[3]![k]!.GetValue<string>());
        }
        Assert.Contains(optuna, o => o![1]!.GetValue<string>() == "PRUNED" && o[4]!.AsObject().Count > 0);
    }

    [Fact]
    public async Task Best_writes_the_best_parameters_and_the_fixed_keys()
    {
        using var cli = new SweepCli();
        Assert.Equal(0, (await cli.Run("start", cli.WriteSpec(Spec), "--home", cli.Home, "--id", "exp")).Code);
        var best = (await cli.Status("exp"))["best_trial"]!.GetValue<int>();
        var (code, output, err) = await cli.Run("best", "exp", "--home", cli.Home, "-f", "json");
        Assert.True(code == 0, err);
        var config = JsonNode.Parse(output)!.AsObject();
        var trial = (await cli.Trials("exp")).First(t => t!["number"]!.GetValue<int>() == best)!;
        Assert.Equal(4, config["steps"]!.GetValue<int>());
        foreach (var (k, v) in trial["params"]!.AsObject()) Assert.Equal(v!.ToJsonString(), config[k]!.ToJsonString());
        var file = Path.Combine(cli.Directory, "best.yaml");
        Assert.Equal(0, (await cli.Run("best", "exp", "--home", cli.Home, "-o", file)).Code);
        Assert.StartsWith($"# sweep exp, trial {best}: value = ", File.ReadAllText(file));

        // --trial N: another trial's config, a pruned one included, and a number the sweep never had is refused.
        var pruned = (await cli.Trials("exp")).First(t => t!["state"]!.GetValue<string>() == "pruned")!;
        var number = pruned["number"]!.GetValue<int>();
        var other = Path.Combine(cli.Directory, "other.yaml");
        (code, _, err) = await cli.Run("best", "exp", "--home", cli.Home, "--trial", number.ToString(CultureInfo.InvariantCulture), "-o", other);
        Assert.True(code == 0, err);
        Assert.Contains($"trial #{number} of exp", err);
        output = File.ReadAllText(other);
        Assert.StartsWith($"# sweep exp, trial {number}: value = - (pruned at step {pruned["last_step"]!.GetValue<int>()})\n", output);
        Assert.Contains($"  trial: {number}\n", output);
        foreach (var (k, v) in pruned["params"]!.AsObject()) Assert.Contains($"\n{k}: {v!.ToJsonString()}\n", output);
        (code, _, err) = await cli.Run("best", "exp", "--home", cli.Home, "--trial", "25");
        Assert.Equal(2, code);
        Assert.Equal("sweep best: sweep exp has no trial 25 (trials 0..24; see `sweep trials exp`)", err.Trim());
    }
}
