using System.Diagnostics;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// No process of a trial outlives its sweep: every trial runs under a supervisor that owns its whole tree (child
/// subreaper, cgroup where allowed) and ends it when the silo dies, even the trial's setsid grandchildren; and a resumed
/// sweep first ends whatever a dead silo left in a trial's folder.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ProcessTreeTests : SweepCliTest
{
    [Fact]
    public async Task Kill_9_of_the_sweep_ends_the_trial_its_background_child_and_its_setsid_grandchild_within_2_s()
    {
        var tag = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var script = Path.Combine(Cli.Directory, "tree.sh");
        File.WriteAllText(script, $"""
            sleep 1{tag} &
            setsid sleep 2{tag} &
            echo '{"{"}"type":"progress","step":1,"value":1{"}"}'
            sleep 3{tag}
            """);
        var spec = Cli.WriteSpec($$"""
            apiVersion: sweep/v1
            name: tree
            metric: { name: value, goal: minimize }
            budget: { maxTrials: 1 }
            parameters:
              x: { type: float, low: 0, high: 1 }
            trial: { command: sh {{script}} }
            """);
        using var sweep = Cli.Start(null, "start", spec, "--home", Cli.Home, "--id", "tree");
        string[] markers = [$"1{tag}", $"2{tag}", $"3{tag}"];   // /proc/PID/cmdline separates arguments with NULs
        await SweepCli.WaitUntil(() => Task.FromResult(markers.All(m => SweepCli.ProcessesWith(m).Count == 1)), TimeSpan.FromSeconds(60), "the trial's tree runs");
        sweep.Kill();   // SIGKILL, no chance to clean up
        await sweep.WaitForExitAsync();
        await SweepCli.WaitUntil(() => Task.FromResult(markers.All(m => SweepCli.ProcessesWith(m).Count == 0)), TimeSpan.FromSeconds(2),
                                 "every process of the trial ended");

        // A process that a dead silo left in the trial's folder (its supervisor died too) ends before the trial runs again.
        var folder = Path.Combine(Cli.Home, "trials", "tree", "0");
        var leftover = new ProcessStartInfo("setsid", ["sleep", $"4{tag}"]) { UseShellExecute = false };
        leftover.Environment["SWEEP_TRIAL_DIR"] = folder;
        using (Process.Start(leftover)) { }
        await SweepCli.WaitUntil(() => Task.FromResult(SweepCli.ProcessesWith($"4{tag}").Count == 1), TimeSpan.FromSeconds(5), "the leftover runs");
        File.WriteAllText(script, """echo '{"type":"result","status":"complete","value":1}'""");
        var (code, _, err) = await Cli.Run("resume", "tree", "--home", Cli.Home);
        Assert.True(code == 0, err);
        Assert.Empty(SweepCli.ProcessesWith($"4{tag}"));
        Assert.Contains("Ended 1 process(es) an earlier attempt left running", err);
    }
}
