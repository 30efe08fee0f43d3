
namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>kill -9 and resume, stop / cancel / pause / resume against a background silo, checked in the process table.</summary>
[Trait("Category", "Slow")]
public sealed class SweepLifecycleTests
{
    private static readonly Dictionary<string, string> Slow = new() { ["SWEEP_STEP_SECONDS"] = "0.4" };

    private static string Spec(string script, int maxTrials) => TestSpecs.BraninCommand("lifecycle", script, maxTrials, 2, TestSpecs.Random(1));

    [Fact]
    public async Task Kill_9_mid_sweep_then_resume_finishes_exactly_max_trials_with_none_lost()
    {
        using var cli = new SweepCli();
        var script = cli.BraninScript();
        var spec = cli.WriteSpec(Spec(script, 8));
        // Trials of 3 × 1 s, two at a time: about 12 s of sweep, so a loaded machine's slow status polls still kill it mid-way.
        using var sweep = cli.Start(new Dictionary<string, string> { ["SWEEP_STEP_SECONDS"] = "1.0" }, "start", spec, "--home", cli.Home, "--id", "k9");
        await SweepCli.WaitUntil(async () => File.Exists(Path.Combine(cli.Home, "sweep.db")) && SweepCli.ProcessesWith(script).Count > 0
                                             && await cli.TryStatus("k9") is { } status && status["trials"]!["complete"]!.GetValue<int>() >= 1,
                                 TimeSpan.FromSeconds(90), "a trial completed with others running");
        sweep.Kill();                                                       // SIGKILL, the whole sweep process
        await sweep.WaitForExitAsync();
        await SweepCli.WaitUntil(() => Task.FromResult(SweepCli.ProcessesWith(script).Count == 0), TimeSpan.FromSeconds(10), "trials died with their parent");

        var (code, _, err) = await cli.Run(Slow, "resume", "k9", "--home", cli.Home);
        Assert.True(code == 0, err);
        var status = await cli.Status("k9");
        Assert.Equal(("completed", 8, 8), (status["status"]!.GetValue<string>(), status["trials"]!["asked"]!.GetValue<int>(), status["trials"]!["complete"]!.GetValue<int>()));
        Assert.Equal(8, (await cli.Trials("k9")).Select(t => t!["number"]!.GetValue<int>()).Distinct().Count());
    }

    [Fact]
    public async Task Pause_resume_stop_and_cancel_against_a_background_silo()
    {
        using var cli = new SweepCli();
        var script = cli.BraninScript();
        var spec = cli.WriteSpec(Spec(script, 40));
        var (code, output, err) = await cli.Run(Slow, "start", spec, "--home", cli.Home, "--id", "ctl", "--detach");
        Assert.True(code == 0, err);
        Assert.Equal("ctl", output.Trim());
        try
        {
            await SweepCli.WaitUntil(() => Task.FromResult(SweepCli.ProcessesWith(script).Count > 0), TimeSpan.FromSeconds(60), "trials run");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{cli.SiloLog()}\n{(await cli.Run("trials", "ctl", "--home", cli.Home)).Out}");
        }

        Assert.Equal(0, (await cli.Run("pause", "ctl", "--home", cli.Home)).Code);
        Assert.Equal("paused", (await cli.Status("ctl"))["status"]!.GetValue<string>());
        await SweepCli.WaitUntil(() => Task.FromResult(SweepCli.ProcessesWith(script).Count == 0), TimeSpan.FromSeconds(10), "pause killed the trials");
        await Task.Delay(1000);
        Assert.Empty(SweepCli.ProcessesWith(script));

        Assert.Equal(0, (await cli.Run("resume", "ctl", "--home", cli.Home, "--detach")).Code);
        await SweepCli.WaitUntil(() => Task.FromResult(SweepCli.ProcessesWith(script).Count > 0), TimeSpan.FromSeconds(30), "trials run again");
        Assert.Equal(0, (await cli.Run("stop", "ctl", "--home", cli.Home)).Code);
        await SweepCli.WaitUntil(async () => (await cli.Status("ctl"))["status"]!.GetValue<string>() == "stopped", TimeSpan.FromSeconds(30), "the drain ended");
        var drained = await cli.Status("ctl");
        Assert.Equal(0, drained["trials"]!["failed"]!.GetValue<int>());            // running trials finished, none killed
        Assert.Empty(SweepCli.ProcessesWith(script));

        Assert.Equal(0, (await cli.Run("resume", "ctl", "--home", cli.Home, "--detach")).Code);
        await SweepCli.WaitUntil(() => Task.FromResult(SweepCli.ProcessesWith(script).Count > 0), TimeSpan.FromSeconds(30), "trials run again");
        Assert.Equal(0, (await cli.Run("cancel", "ctl", "--home", cli.Home)).Code);
        var cancelled = await cli.Status("ctl");
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.True(cancelled["trials"]!["failed"]!.GetValue<int>() >= 1);
        await SweepCli.WaitUntil(() => Task.FromResult(SweepCli.ProcessesWith(script).Count == 0), TimeSpan.FromSeconds(10), "cancel killed the trials");
    }
}
