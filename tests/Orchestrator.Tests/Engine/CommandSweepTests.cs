using System.Globalization;
using System.Text.Json.Nodes;
using Sweep.SearchSpaces;
using Sweep.Orchestrator.Functions;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary><c>./sweep start</c> as a process, on a <c>trial.command</c> that speaks the trial protocol.</summary>
[Trait("Category", "Slow")]
public sealed class CommandSweepTests
{
    private static string Spec(string command, int maxTrials, int parallel, string extra = "") => $$"""
        apiVersion: sweep/v1
        name: branin-cmd
        metric: { name: value, goal: minimize }
        sampler: { type: tpe, seed: 7 }
        budget: { maxTrials: {{maxTrials}}, parallelTrials: {{parallel}}{{extra}} }
        parameters:
          x1: { type: float, low: -5, high: 10 }
          x2: { type: float, low: 0, high: 15 }
        trial:
          command: "{{command}}"
        """;

    [Fact]
    public async Task Two_hundred_command_trials_eight_at_a_time_match_the_engine_regret_and_leave_no_process()
    {
        using var cli = new SweepCli();
        var script = cli.BraninScript();
        var spec = cli.WriteSpec(Spec(script, 200, 8));
        var (code, output, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "b200", "-f", "json", "--cpu-slots", "8");
        Assert.True(code == 0, err);
        var summary = JsonNode.Parse(output)!;
        Assert.Equal("completed", summary["status"]!.GetValue<string>());
        Assert.Equal(200, summary["trials"]!["complete"]!.GetValue<int>());
        var regret = summary["best_value"]!.GetValue<double>() - BenchmarkFunction.Get("branin").Optimum;

        // The same search in process, asked and told in batches of 8 as the sweep runs them.
        var study = SweepPlanFor(Spec(script, 200, 8));
        for (var i = 0; i < 200; i += 8)
        {
            var batch = Enumerable.Range(0, 8).Select(_ => study.Ask()).ToList();
            foreach (var t in batch) study.Tell(t.Number, BenchmarkFormulas.Branin(t.Params["x1"], t.Params["x2"]));
        }
        var reference = study.BestTrial!.Value!.Value - BenchmarkFunction.Get("branin").Optimum;
        Assert.True(regret <= Math.Max(3 * reference, 0.05), $"sweep regret {regret.ToString(CultureInfo.InvariantCulture)} vs engine {reference.ToString(CultureInfo.InvariantCulture)}");
        Assert.Empty(SweepCli.ProcessesWith(script));
    }

    [Fact]
    public async Task A_crashing_trial_is_retried_at_most_max_retries_then_fails_with_its_reason()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec(Spec("sh -c 'echo out of memory >&2; exit 3'", 1, 1, ", maxRetries: 2"));
        var (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "crash");
        Assert.True(code == 0, err);
        var trial = Assert.Single(await cli.Trials("crash"))!;
        Assert.Equal(("failed", 3, 2), (trial["state"]!.GetValue<string>(), trial["attempt"]!.GetValue<int>(), trial["retries"]!.GetValue<int>()));
        Assert.Equal("the process died (exit code 3) without a result line; last stderr: out of memory; 3 attempts, no retries left (budget.maxRetries is 2)",
                     trial["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_example_python_script_prints_ordinary_lines_between_protocol_lines_and_completes()
    {
        using var cli = new SweepCli();
        var spec = Path.Combine(SweepCli.RepoRoot(), "examples", "python-script.yaml");
        // The spec says python3: run it as Debian's /usr/bin/python3, whatever else is on this machine's PATH.
        var path = new Dictionary<string, string> { ["PATH"] = $"/usr/bin:{Environment.GetEnvironmentVariable("PATH")}" };
        var (code, output, err) = await cli.Run(path, "start", spec, "--home", cli.Home, "--id", "py", "-f", "json");
        Assert.True(code == 0, err);
        Assert.Equal("completed", JsonNode.Parse(output)!["status"]!.GetValue<string>());
        var trials = await cli.Trials("py");
        Assert.Equal(8, trials.Count);
        Assert.All(trials, t => Assert.Contains(t!["state"]!.GetValue<string>(), new[] { "complete", "pruned" }));
        Assert.Contains(trials, t => t!["value"]?.GetValue<double>() > 0.5);
        var log = File.ReadAllLines(Path.Combine(cli.Home, "trials", "py", "0", "stdout.log"));
        Assert.Contains(log, l => !l.StartsWith('{'));                                  // the script's own prints
        Assert.Contains(log, l => l.StartsWith("{\"type\":\"progress\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trial_breaking_the_protocol_fails_with_the_line_quoted_and_the_sweep_goes_on()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec(Spec("""printf '%s\\n' 'hello world' '{\"type\":\"progress\",\"step\":\"one\",\"value\":1}'""", 2, 1));
        var (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "garbage");
        Assert.True(code == 0, err);
        var trials = await cli.Trials("garbage");
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.StartsWith("protocol error on stdout: line 2: progress: field 'step' must be a whole number >= 0 or null (got \"one\"): \"{",
                                                  t!["error"]!.GetValue<string>()));
        Assert.Equal(2, (await cli.Status("garbage"))["trials"]!["failed"]!.GetValue<int>());
    }

    private static Study SweepPlanFor(string spec) => Grains.Sweeps.SweepPlan.Parse(spec, "spec.yaml").NewStudy();
}
