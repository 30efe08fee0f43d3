using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary><c>sweep trials</c>: sort, limit, state filter, a column per parameter, and the curves the store keeps.</summary>
public sealed class TrialsCommandTests(FinishedBraninSweep sweep) : IClassFixture<FinishedBraninSweep>
{
    private SweepCli Cli => sweep.Cli;

    private async Task<JsonArray> Json(params string[] extra)
    {
        var (code, output, err) = await Cli.Run(["trials", FinishedBraninSweep.Id, "--home", Cli.Home, "-f", "json", .. extra]);
        Assert.True(code == 0, err);
        return JsonNode.Parse(output)!.AsArray();
    }

    private static int Number(JsonNode? t) => t!["number"]!.GetValue<int>();

    [Fact]
    public async Task Sort_by_value_puts_trials_without_a_value_last_both_ways_and_limit_takes_the_first()
    {
        var all = await Json();
        Assert.Equal(Enumerable.Range(0, 8), all.Select(Number));
        var withValue = all.Where(t => t!["value"] is not null).ToList();
        Assert.Contains(all, t => t!["state"]!.GetValue<string>() == "pruned");   // pruned trials have no value: they go last

        var ascending = await Json("--sort", "value");
        var expected = withValue.OrderBy(t => t!["value"]!.GetValue<double>()).Select(Number).ToList();
        Assert.Equal(expected, ascending.Take(expected.Count).Select(Number));
        Assert.All(ascending.Skip(expected.Count), t => Assert.Null(t!["value"]));

        var descending = await Json("--sort", "VALUE", "--desc");
        Assert.Equal(Enumerable.Reverse(expected), descending.Take(expected.Count).Select(Number));

        var top = await Json("--sort", "value", "--limit", "2");
        Assert.Equal(expected.Take(2), top.Select(Number));
        Assert.Equal(expected[0], (await Cli.Status(FinishedBraninSweep.Id))["best_trial"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sort_by_duration_and_state()
    {
        var byDuration = await Json("--sort", "duration", "--desc");
        var durations = byDuration.Select(t => t!["duration_s"]!.GetValue<double>()).ToList();
        Assert.Equal(durations.OrderDescending(), durations);
        var byState = (await Json("--sort", "state")).Select(t => t!["state"]!.GetValue<string>()).ToList();
        Assert.Equal(byState.OrderBy(s => s == "complete" ? 0 : 1), byState);
    }

    [Fact]
    public async Task The_state_filter_takes_a_comma_list_in_any_case()
    {
        var all = await Json();
        var pruned = await Json("--state", "Pruned");
        Assert.Equal(all.Count(t => t!["state"]!.GetValue<string>() == "pruned"), pruned.Count);
        Assert.Equal(all.Count, (await Json("--state", "complete,pruned")).Count);
        Assert.Equal(all.Count, (await Json("--state", "complete", "pruned")).Count);
        Assert.Empty(await Json("--state", "failed"));
    }

    [Fact]
    public async Task The_table_has_a_column_per_parameter_with_compact_values()
    {
        var (code, output, err) = await Cli.Run("trials", FinishedBraninSweep.Id, "--home", Cli.Home, "--limit", "3");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["#", "state", "value", "step", "duration", "x1", "x2", "attempt", "node", "device", "error"], header);
        var trial0 = (await Json())[0]!["params"]!;
        var cells = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var x1 = trial0["x1"]!.GetValue<double>();
        Assert.Equal(x1.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), cells[5]);
        Assert.True(cells[5].Length <= 7, cells[5]);
    }

    [Fact]
    public async Task Curves_are_the_reported_values_in_json_and_a_sparkline_in_the_table()
    {
        var trials = await Json("--curves");
        foreach (var t in trials)
        {
            var curve = t!["curve"]!.AsArray();
            Assert.Equal(t["last_step"]!.GetValue<int>(), curve.Count);
            Assert.Equal(Enumerable.Range(1, curve.Count), curve.Select(p => p!["step"]!.GetValue<int>()));
            if (t["state"]!.GetValue<string>() == "complete")
                Assert.Equal(t["value"]!.GetValue<double>(), curve[^1]!["value"]!.GetValue<double>());
        }
        Assert.Null((await Json())[0]!["curve"]);
        var (code, output, err) = await Cli.Run("trials", FinishedBraninSweep.Id, "--home", Cli.Home, "--curves", "--state", "complete");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.EndsWith("curve", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"[▁▂▃▄▅▆▇█]{6} \(6 pts\)$", l));
    }
}
