using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Sweep.Orchestrator.Tests.Cluster;

/// <summary>
/// Cluster mode end to end: a real PostgreSQL started by the project's own script, two or three real
/// <c>sweep silo --cluster</c> processes, the CLI as their client. Every test ends with exactly maxTrials terminal
/// trials, none lost, none counted twice (from the export), and no trial process left.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed partial class ClusterFaultTests(PostgresServer server)
{
    private static readonly TimeSpan Finish = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_sweep_spreads_over_two_silos_and_the_read_verbs_and_nodes_see_the_cluster()
    {
        using var run = new ClusterRun(server, "spread");
        await Task.WhenAll(run.StartSiloAsync("a", stepSeconds: 0.4), run.StartSiloAsync("b", stepSeconds: 0.4));
        System.Text.Json.Nodes.JsonArray nodes = [];
        await run.WaitUntilAsync(async () =>
        {
            var (code, output, error) = await run.Sweep("nodes", "-f", "json");
            Assert.True(code == 0, error);
            nodes = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsArray();
            return nodes.Count == 2;
        }, TimeSpan.FromSeconds(20), "both silos report as nodes");
        Assert.Equal(["a", "b"], nodes.Select(n => n!["name"]!.GetValue<string>()).Order());
        Assert.All(nodes, n => Assert.Equal(2, n!["slots"]!.GetValue<int>()));

        var id = await run.StartSweepAsync(run.Spec("spread", maxTrials: 8, parallel: 4), "spread");
        var trials = await run.AssertCleanEndAsync(id, 8, Finish);
        AssertAllComplete(trials);
        Assert.Equal(["a", "b"], trials.Select(t => t!["node"]!.GetValue<string>()).Distinct().Order());

        var (listCode, listOut, listErr) = await run.Sweep("list");
        Assert.True(listCode == 0, listErr);
        Assert.Contains("spread", listOut, StringComparison.Ordinal);
        var (bestCode, bestOut, bestErr) = await run.Sweep("best", id);
        Assert.True(bestCode == 0, bestErr);
        Assert.Contains("x1", bestOut, StringComparison.Ordinal);
        var (table, tableOut, _) = await run.Sweep("trials", id);
        Assert.Equal(0, table);
        Assert.Contains("node", tableOut.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reevaluation_runs_on_the_cluster_like_any_trial_and_ranks_by_the_mean()
    {
        using var run = new ClusterRun(server, "reeval");
        await Task.WhenAll(run.StartSiloAsync("a"), run.StartSiloAsync("b"));
        var id = await run.StartSweepAsync(run.Spec("reeval", maxTrials: 4, parallel: 2, extraBudget: ", reevaluate: { top: 2, seeds: 2 }"), "reeval");
        var trials = await run.AssertCleanEndAsync(id, 8, Finish);
        AssertAllComplete(trials);
        Assert.Equal(["search", "search", "search", "search", "reevaluation", "reevaluation", "reevaluation", "reevaluation"],
                     trials.Select(t => t!["stage"]!.GetValue<string>()));
        Assert.Equal(5, trials.Select(t => t!["seed"]!.GetValue<int>()).Distinct().Count());   // the search's one seed, a fresh one per re-run
        var status = await run.StatusAsync(id);
        Assert.Equal("mean", status["ranking"]!.GetValue<string>());
        Assert.Equal(3, status["best_runs"]!.GetValue<int>());
    }

    [Fact]
    public async Task Kill_9_of_a_silo_mid_trial_runs_its_trials_again_on_another_with_the_same_parameters()
    {
        using var run = new ClusterRun(server, "kill9");
        var silos = await Task.WhenAll(run.StartSiloAsync("a", stepSeconds: 1.5), run.StartSiloAsync("b", stepSeconds: 1.5));
        var id = await run.StartSweepAsync(run.Spec("kill9", maxTrials: 6, parallel: 4), "kill9");
        var victim = await run.RunningTrialAsync(id, "a", reported: true);
        var number = victim["number"]!.GetValue<int>();
        var killedAt = Stopwatch.StartNew();
        silos[0].Signal("KILL");

        System.Text.Json.Nodes.JsonNode? rerun = null;
        await run.WaitUntilAsync(async () => (rerun = (await run.TrialsAsync(id))[number]) is { } t && t["attempt"]!.GetValue<int>() == 2 && t["node"]!.GetValue<string>() == "b",
                                 TimeSpan.FromSeconds(60), $"trial {number} runs again on silo b");
        Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(40), $"rerun took {killedAt.Elapsed}");
        Assert.Equal(victim["params"]!.ToJsonString(), rerun!["params"]!.ToJsonString());
        var trials = await run.AssertCleanEndAsync(id, 6, Finish);
        AssertAllComplete(trials);
        Assert.Equal(2, trials[number]!["attempt"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_silo_frozen_past_its_lease_loses_its_trials_and_its_late_results_do_not_count()
    {
        using var run = new ClusterRun(server, "freeze");
        var silos = await Task.WhenAll(run.StartSiloAsync("a", stepSeconds: 2), run.StartSiloAsync("b", stepSeconds: 2));
        var id = await run.StartSweepAsync(run.Spec("freeze", maxTrials: 6, parallel: 4), "freeze");
        var number = (await run.RunningTrialAsync(id, "a"))["number"]!.GetValue<int>();
        silos[0].Signal("STOP", group: true);
        try
        {
            await run.WaitUntilAsync(async () => (await run.TrialsAsync(id))[number] is { } t && t["attempt"]!.GetValue<int>() >= 2,
                                     TimeSpan.FromSeconds(60), $"trial {number} is taken from the frozen silo");
            // Frozen past the cluster's death detection too: the partition case.
            await Task.Delay(TimeSpan.FromSeconds(8));
        }
        finally
        {
            silos[0].Signal("CONT", group: true);
        }
        var trials = await run.AssertCleanEndAsync(id, 6, Finish);
        run.WithLogs(() =>
        {
            AssertAllComplete(trials);
            Assert.True(trials[number]!["attempt"]!.GetValue<int>() >= 2);
            Assert.NotEqual("a", trials[number]!["node"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task A_PostgreSQL_restart_mid_sweep_loses_no_trial_and_the_sweep_finishes()
    {
        using var run = new ClusterRun(server, "pgrestart");
        await Task.WhenAll(run.StartSiloAsync("a", stepSeconds: 0.5), run.StartSiloAsync("b", stepSeconds: 0.5));
        var id = await run.StartSweepAsync(run.Spec("pgrestart", maxTrials: 12, parallel: 4), "pgrestart");
        await run.WaitUntilAsync(async () => (await run.StatusAsync(id))["trials"]!["complete"]!.GetValue<int>() >= 2,
                                 TimeSpan.FromSeconds(60), "two trials complete");
        await server.RestartAsync(TimeSpan.FromSeconds(3));
        var trials = await run.AssertCleanEndAsync(id, 12, Finish);
        AssertAllComplete(trials);
    }

    [Fact]
    public async Task A_silo_that_joins_mid_sweep_gets_work_and_SIGTERM_drains_one_back_to_the_queue()
    {
        using var run = new ClusterRun(server, "drain");
        // Slow steps on a: the trial it runs when SIGTERM comes must still be running then (at 2 s a step, a loaded
        // machine let it finish first).
        var a = await run.StartSiloAsync("a", cpuSlots: 1, stepSeconds: 4, "--drain-grace", "1");
        var id = await run.StartSweepAsync(run.Spec("drain", maxTrials: 10, parallel: 3), "drain");
        await run.WaitUntilAsync(async () => (await run.TrialsAsync(id)).Any(t => t!["state"]!.GetValue<string>() == "running"),
                                 TimeSpan.FromSeconds(60), "silo a runs a trial");
        await run.StartSiloAsync("b", cpuSlots: 2, stepSeconds: 2);
        await run.WaitUntilAsync(async () => (await run.TrialsAsync(id)).Any(t => t!["node"]?.GetValue<string>() == "b"),
                                 TimeSpan.FromSeconds(20), "the silo that joined mid-sweep runs a trial");

        var number = (await run.RunningTrialAsync(id, "a"))["number"]!.GetValue<int>();
        a.Signal("TERM");
        Assert.True(await a.WaitExitAsync(TimeSpan.FromSeconds(60)), $"silo a did not leave after SIGTERM:\n{a.Tail()}");
        Assert.Equal(0, a.ExitCode);
        Assert.Contains("draining", a.Log, StringComparison.Ordinal);

        var trials = await run.AssertCleanEndAsync(id, 10, Finish);
        AssertAllComplete(trials);
        var drained = trials[number]!;
        // Given back, not failed: it ran again elsewhere without using a retry.
        Assert.Equal((2, 0, "b"), (drained["attempt"]!.GetValue<int>(), drained["retries"]!.GetValue<int>(), drained["node"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Strangers_are_refused_and_garbage_or_a_lost_client_disturbs_nothing()
    {
        using var run = new ClusterRun(server, "refuse");
        var a = await run.StartSiloAsync("a", stepSeconds: 0.5);
        var b = await run.StartSiloAsync("b", stepSeconds: 0.5);

        var (startWrong, _, _) = await run.Sweep(new Dictionary<string, string> { ["SWEEP_CLUSTER_ID"] = "no-such-cluster" },
                                                             "stop", "anything");
        Assert.Equal(2, startWrong);
        var (stranger, _, strangerErr) = await run.Sweep(new Dictionary<string, string> { ["SWEEP_CLUSTER_ID"] = "no-such-cluster" },
                                                         "start", run.Spec("stranger", 1, 1));
        Assert.Equal(2, stranger);
        Assert.Contains("no cluster 'no-such-cluster'", strangerErr, StringComparison.Ordinal);

        var otherService = run.Launch("c", extra: ["--service-id", "other"]);
        Assert.True(await otherService.WaitExitAsync(TimeSpan.FromSeconds(60)), otherService.Tail());
        Assert.Equal(2, otherService.ExitCode);
        Assert.Contains($"belongs to service '{run.ClusterId}', not 'other'", otherService.Log, StringComparison.Ordinal);

        var (keyless, _, keylessErr) = await run.Sweep(new Dictionary<string, string> { ["SWEEP_KEY"] = Path.Combine(run.Directory, "another-key.pfx") },
                                                       "start", run.Spec("keyless", 1, 1));
        Assert.Equal(1, keyless);
        Assert.Contains("accepted this process", keylessErr, StringComparison.Ordinal);

        // Garbage on the silo-to-silo and gateway ports of both silos: dropped, nothing crashes.
        foreach (var silo in new[] { a, b })
            foreach (var port in Ports(silo))
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                var junk = new byte[64 * 1024];
                Random.Shared.NextBytes(junk);
                try { await tcp.GetStream().WriteAsync(junk); } catch (IOException) { }
            }

        // A client that dies while following leaves the sweep running; a new one finds it.
        var id = "refuse";
        using (var cli = new Engine.SweepCli())
        {
            var env = run.Env;
            var watching = cli.Start(env, "start", run.Spec("refuse", maxTrials: 6, parallel: 4), "--id", id, "--watch");
            await run.WaitUntilAsync(async () => (await run.Sweep("status", id)).Code == 0, TimeSpan.FromSeconds(60), "the sweep is stored");
            watching.Kill();
            await watching.WaitForExitAsync();
        }
        var (status, _, statusErr) = await run.Sweep("status", id, "--watch");
        Assert.True(status == 0, statusErr);
        var trials = await run.AssertCleanEndAsync(id, 6, Finish);
        AssertAllComplete(trials);
        Assert.False(a.HasExited || b.HasExited, run.Logs());

        // A cluster whose silos speak another protocol refuses this client.
        await server.SqlAsync($"UPDATE sweep_clusters SET protocol = 999, sweep_version = '9.9.9' WHERE cluster_id = '{run.ClusterId}'");
        var (mismatch, _, mismatchErr) = await run.Sweep("stop", id);
        Assert.Equal(2, mismatch);
        Assert.Contains("protocol 999", mismatchErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trials_share_a_GPU_by_declared_memory_and_run_only_on_nodes_with_their_labels()
    {
        using var run = new ClusterRun(server, "place");
        await run.StartSiloAsync("gpu", cpuSlots: 1, stepSeconds: 0, "--gpus", "0", "--gpu-memory-gb", "80", "--labels", "gpu=a100,rack=3");
        string Spec(string name, string labels) => run.WriteSpec(name, $"""
            apiVersion: sweep/v1
            name: {name}
            metric: {"{"} name: value, goal: minimize {"}"}
            sampler: {"{"} type: random, seed: 1 {"}"}
            budget: {"{"} maxTrials: 6, parallelTrials: 6 {"}"}
            parameters:
              x1: {"{"} type: float, low: -5, high: 10 {"}"}
              x2: {"{"} type: float, low: 0, high: 15 {"}"}
            trial:
              function: branin
              steps: 4
              stepSeconds: 0.5
              gpuMemoryGb: 30
              labels: {labels}
            """);
        var elsewhere = await run.StartSweepAsync(Spec("elsewhere", "{gpu: h100}"), "elsewhere");
        var id = await run.StartSweepAsync(Spec("packed", "{gpu: a100}"), "packed");
        var trials = await run.AssertCleanEndAsync(id, 6, Finish);
        // 80 GB holds two 30 GB trials: never three at once, and two did share the GPU.
        var spans = trials.Select(t => (Start: DateTime.Parse(t!["started_utc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                                        End: DateTime.Parse(t["finished_utc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var most = spans.Max(s => spans.Count(o => o.Start <= s.Start && s.Start < o.End));
        Assert.Equal(2, most);
        Assert.All(trials, t => Assert.Equal("cuda:0", t!["device"]!.GetValue<string>()));
        // No node carries gpu=h100: that sweep has asked nothing of anyone.
        var other = await run.StatusAsync(elsewhere);
        Assert.Equal((0, 0), (other["trials"]!["running"]!.GetValue<int>(), other["trials"]!["complete"]!.GetValue<int>()));
        Assert.Equal(0, (await run.Sweep("cancel", elsewhere)).Code);
    }

    private static void AssertAllComplete(System.Text.Json.Nodes.JsonArray trials) =>
        Assert.All(trials, t => Assert.True(t!["state"]!.GetValue<string>() == "complete",
                                            $"trial {t["number"]} is {t["state"]} after {t["attempt"]} attempts: {t["error"]}"));

    private static int[] Ports(SiloProcess silo)
    {
        var m = JoinedLine().Match(silo.Log);
        Assert.True(m.Success, silo.Log);
        return [int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
    }

    [GeneratedRegex(@"joined cluster .* at [0-9.]+:(\d+), gateway (\d+)")]
    private static partial Regex JoinedLine();
}
