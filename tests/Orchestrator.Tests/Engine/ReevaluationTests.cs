using System.Globalization;
using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// <c>budget.reevaluate</c> end to end: a function with seed noise (<c>branin-noisy</c>), where the luckiest single
/// draw is not the best configuration; the exports; the seed a command trial receives; kill -9 during the stage.
/// </summary>
public sealed class ReevaluationTests : SweepCliTest
{
    /// <summary>Sampler seed 5: the best single run (trial 7) is a lucky draw; trial 5's configuration has the better mean.</summary>
    private const string NoisySpec = """
        apiVersion: sweep/v1
        name: noisy
        metric: { name: value, goal: minimize }
        sampler: { type: random, seed: 5 }
        budget: { maxTrials: 12, parallelTrials: 2, reevaluate: { top: 3, seeds: 4 } }
        parameters:
          x1: { type: float, low: -5, high: 10 }
          x2: { type: float, low: 0, high: 15 }
        trial:
          function: branin-noisy
          steps: 2
        """;

    private static string Key(JsonNode t) => t["params"]!.ToJsonString();

    [Fact]
    public async Task With_seed_noise_the_chosen_config_has_the_best_mean_not_the_luckiest_draw_and_the_exports_say_so()
    {
        var spec = Cli.WriteSpec(NoisySpec);
        var (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "n", "-q");
        Assert.True(code == 0, err);
        var (_, json, _) = await Cli.Run("export", "n", "--home", Cli.Home, "-f", "json");
        var export = JsonNode.Parse(json)!.AsObject();
        var sweep = export["sweep"]!;
        var trials = export["trials"]!.AsArray().Select(t => t!).ToList();
        Assert.Equal(("completed", 24, 12), (sweep["status"]!.GetValue<string>(), trials.Count, sweep["reevaluations"]!.GetValue<int>()));

        var search = trials.Where(t => t["stage"]!.GetValue<string>() == "search").ToList();
        var reruns = trials.Where(t => t["stage"]!.GetValue<string>() == "reevaluation").ToList();
        Assert.All(search, t => Assert.Equal(5, t["seed"]!.GetValue<int>()));
        var seeds = reruns.Select(t => t["seed"]!.GetValue<int>()).Append(5).ToList();
        Assert.Equal(seeds.Count, seeds.Distinct().Count());

        // The ranking, recomputed here: the mean of each re-evaluated configuration's runs.
        var luckiest = search.MinBy(t => t["value"]!.GetValue<double>())!["number"]!.GetValue<int>();
        var means = trials.GroupBy(Key).Where(g => g.Any(t => t["stage"]!.GetValue<string>() == "reevaluation"))
            .Select(g => (Trial: g.First()["number"]!.GetValue<int>(), Mean: g.Average(t => t["value"]!.GetValue<double>()), Runs: g.Count()))
            .OrderBy(c => c.Mean).ToList();
        Assert.Equal(3, means.Count);
        Assert.All(means, m => Assert.Equal(5, m.Runs));
        var best = means[0];
        Assert.NotEqual(luckiest, best.Trial);   // the case re-evaluation exists for
        Assert.Equal((best.Trial, "mean", 5), (sweep["best_trial"]!.GetValue<int>(), sweep["ranking"]!.GetValue<string>(), sweep["best_runs"]!.GetValue<int>()));
        Assert.Equal(best.Mean, sweep["best_value"]!.GetValue<double>(), 9);
        var bestRow = trials.Single(t => t["number"]!.GetValue<int>() == best.Trial);
        Assert.Equal((best.Mean, 5), (bestRow["mean"]!.GetValue<double>(), bestRow["runs"]!.GetValue<int>()));
        Assert.NotEqual(best.Mean, bestRow["value"]!.GetValue<double>());   // the single-seed value stays the run's own

        var (_, csv, _) = await Cli.Run("export", "n", "--home", Cli.Home, "-f", "csv");
        var lines = csv.TrimEnd().Split('\n');
        Assert.EndsWith(",error,stage,seed,mean,sd,runs", lines[0], StringComparison.Ordinal);
        var bestLine = lines.Single(l => l.StartsWith(best.Trial.ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("search", "5", "5"), (bestLine[^5], bestLine[^4], bestLine[^1]));
        Assert.Equal(best.Mean, double.Parse(bestLine[^3], CultureInfo.InvariantCulture), 9);

        var (bestCode, yaml, bestErr) = await Cli.Run("best", "n", "--home", Cli.Home, "-f", "yaml");
        Assert.True(bestCode == 0, bestErr);
        Assert.Contains($"trial {best.Trial}: value = ", yaml, StringComparison.Ordinal);
        Assert.Contains("the mean of 5 runs", yaml, StringComparison.Ordinal);
        Assert.Contains("ranking: \"mean\"", yaml, StringComparison.Ordinal);
        var seedsLine = yaml.Split('\n').Single(l => l.TrimStart().StartsWith("seeds:", StringComparison.Ordinal));
        Assert.Equal(5, seedsLine.Split(':')[1].Trim().Trim('"').Split(',').Length);

        var (_, table, _) = await Cli.Run("trials", "n", "--home", Cli.Home);
        Assert.Contains("mean ± sd (n)", table, StringComparison.Ordinal);
        Assert.Contains("reevaluation", table, StringComparison.Ordinal);

        var (_, journal, _) = await Cli.Run("export", "n", "--home", Cli.Home, "-f", "optuna-journal");
        Assert.Equal(12, journal.Split('\n').Count(l => l.Contains("\"stage\":\"reevaluation\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_command_trial_gets_its_seed_in_set_sweep_params_template_and_sweep_seed()
    {
        var log = Path.Combine(Cli.Directory, "seeds.log");
        var script = Path.Combine(Cli.Directory, "seeded.sh");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            # $1 is ${seed}; then --set pairs are absent (a template is used)
            echo "$1 $SWEEP_SEED $SWEEP_PARAMS" >> "{{log}}"
            echo '{"type":"result","status":"complete","value":1.5}'
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var spec = Cli.WriteSpec($$"""
            apiVersion: sweep/v1
            name: seeded
            metric: { name: value, goal: minimize }
            sampler: { type: random, seed: 9 }
            budget: { maxTrials: 1, reevaluate: { top: 1, seeds: 2 } }
            parameters:
              x: { type: float, low: 0, high: 1 }
            trial:
              command: "{{script}} ${seed} ${x}"
            """);
        var (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "c", "-q");
        Assert.True(code == 0, err);
        var rows = File.ReadAllLines(log).Select(l => l.Split(' ', 3)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(r[0], r[1]));
        Assert.All(rows, r => Assert.Contains($"\"seed\":{r[0]}", r[2], StringComparison.Ordinal));
        var trials = await Cli.Trials("c");
        Assert.Equal(trials.Select(t => t!["seed"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)).Order(), rows.Select(r => r[0]).Order());
        Assert.Equal("9", rows[0][0]);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Kill_9_during_the_stage_then_resume_finishes_it_without_repeating_finished_runs()
    {
        var spec = Cli.WriteSpec(NoisySpec.Replace("steps: 2", "steps: 4\n  stepSeconds: 0.5", StringComparison.Ordinal)
                                          .Replace("maxTrials: 12", "maxTrials: 4", StringComparison.Ordinal)
                                          .Replace("top: 3", "top: 2", StringComparison.Ordinal));
        using var sweep = Cli.Start(null, "start", spec, "--home", Cli.Home, "--id", "k", "-q");
        JsonArray before = [];
        await SweepCli.WaitUntil(async () =>
        {
            if (await Cli.TryStatus("k") is not { } s || s["reevaluations"]!.GetValue<int>() == 0) return false;
            before = await Cli.Trials("k");
            return before.Count(t => t!["stage"]!.GetValue<string>() == "reevaluation" && t["state"]!.GetValue<string>() == "complete") >= 1
                   && before.Any(t => t!["state"]!.GetValue<string>() == "running");
        }, TimeSpan.FromSeconds(90), "a re-evaluation run finished with another running");
        sweep.Kill();                                                       // SIGKILL, the whole sweep process
        await sweep.WaitForExitAsync();

        var (code, _, err) = await Cli.Run("resume", "k", "--home", Cli.Home);
        Assert.True(code == 0, err);
        var after = (await Cli.Trials("k")).ToDictionary(t => t!["number"]!.GetValue<int>());
        Assert.Equal(4 + 2 * 4, after.Count);
        Assert.All(after.Values, t => Assert.Equal("complete", t!["state"]!.GetValue<string>()));
        foreach (var done in before.Where(t => t!["state"]!.GetValue<string>() == "complete"))
        {
            var now = after[done!["number"]!.GetValue<int>()]!;
            // Finished before the kill: not run again (same attempt, same end, same seed).
            Assert.Equal((done["attempt"]!.GetValue<int>(), done["finished_utc"]!.GetValue<string>(), done["seed"]!.GetValue<int>()),
                         (now["attempt"]!.GetValue<int>(), now["finished_utc"]!.GetValue<string>(), now["seed"]!.GetValue<int>()));
        }
        Assert.Equal("mean", (await Cli.Status("k"))["ranking"]!.GetValue<string>());
    }
}
