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
        Assert.True(code == 1, err);   // its only trial failed: the sweep failed
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
    public async Task Twenty_thousand_progress_lines_are_appended_not_rewritten_and_the_state_file_stays_small()
    {
        using var cli = new SweepCli();
        var script = Path.Combine(cli.Directory, "chatty.sh");
        File.WriteAllText(script, """
            awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "{\"type\":\"progress\",\"step\":%d,\"value\":%d}\n", i, i; print "{\"type\":\"result\",\"status\":\"complete\",\"value\":0}" }'
            """);
        var spec = cli.WriteSpec(Spec($"sh {script}", 1, 1));
        var (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "chatty");
        Assert.True(code == 0, err);
        var trial = Assert.Single(await cli.Trials("chatty"))!;
        Assert.Equal(20000, trial["last_step"]!.GetValue<int>());
        var bytes = Directory.GetFiles(cli.Home, "sweep.db*").Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 4 << 20, $"the state file and its WAL hold {bytes:N0} bytes after 20,000 reports");
    }

    private static string HungSpec(string budget, string trial) => $$"""
        apiVersion: sweep/v1
        name: hung
        metric: { name: value, goal: minimize }
        budget: { {{budget}} }
        parameters:
          x: { type: float, low: 0, high: 1 }
        trial: { command: "sleep 100000 ${x}", stopGrace: 0s{{trial}} }
        """;

    [Fact]
    public async Task A_hung_trial_is_stopped_by_its_progress_timeout_retried_and_failed_and_an_all_failed_sweep_exits_1()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec(HungSpec("maxTrials: 1, maxRetries: 1", ", progressTimeout: 1s"));
        var (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "hung");
        Assert.True(code == 1, err);
        var trial = Assert.Single(await cli.Trials("hung"))!;
        Assert.Equal(("failed", 2), (trial["state"]!.GetValue<string>(), trial["attempt"]!.GetValue<int>()));
        Assert.Equal("stopped after trial.progressTimeout (1s) without a protocol line; 2 attempts, no retries left (budget.maxRetries is 1)",
                     trial["error"]!.GetValue<string>());
        var status = await cli.Status("hung");
        Assert.Equal(("failed", "every trial failed (1 of 1)"), (status["status"]!.GetValue<string>(), status["reason"]!.GetValue<string>()));
        Assert.Empty(SweepCli.ProcessesWith("sleep 100000"));
    }

    [Fact]
    public async Task A_trial_past_its_timeout_is_stopped_and_the_budget_timeout_stops_what_outlives_the_drain_grace()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec(HungSpec("maxTrials: 3, timeout: 2s, drainGrace: 1s", ", timeout: 1h"));
        var (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "overdue");
        Assert.True(code == 0, err);
        var status = await cli.Status("overdue");
        Assert.Equal("stopped", status["status"]!.GetValue<string>());
        var trial = Assert.Single(await cli.Trials("overdue"))!;
        Assert.Equal("stopped: budget.timeout (2s) was reached and budget.drainGrace (1s) has passed", trial["error"]!.GetValue<string>());

        spec = cli.WriteSpec(HungSpec("maxTrials: 1", ", timeout: 1s"));
        (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "timeout");
        Assert.True(code == 1, err);
        Assert.Equal("stopped after trial.timeout (1s)", Assert.Single(await cli.Trials("timeout"))!["error"]!.GetValue<string>());
        Assert.Empty(SweepCli.ProcessesWith("sleep 100000"));
    }

    [Fact]
    public async Task A_trial_breaking_the_protocol_fails_with_the_line_quoted_and_the_sweep_goes_on()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec(Spec("""printf '%s\\n' 'hello world' '{\"type\":\"progress\",\"step\":\"one\",\"value\":1}'""", 2, 1));
        var (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "garbage");
        Assert.True(code == 1, err);   // every trial failed
        var trials = await cli.Trials("garbage");
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.StartsWith("protocol error on stdout: line 2: progress: field 'step' must be a whole number >= 0 or null (got \"one\"): \"{",
                                                  t!["error"]!.GetValue<string>()));
        Assert.Equal(2, (await cli.Status("garbage"))["trials"]!["failed"]!.GetValue<int>());
    }

    private static Study SweepPlanFor(string spec) => Grains.Sweeps.SweepPlan.Parse(spec, "spec.yaml").NewStudy();
}
