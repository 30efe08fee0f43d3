using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// Real sweeps of real <c>sweep train</c> trials on a tiny synthetic set: the pruner counts epochs where the spec says
/// so, and a paused trial continues from its checkpoint instead of from epoch 0.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MethodTrialTests : SweepCliTest
{
    private static string Spec(string name, string pruner, int maxTrials, int parallel, int epochs, params string[] moreTrial) =>
        TestSpecs.DvsTrain(name, "1.0e-4", maxTrials, parallel, epochs, pruner, ["reportEvery: 1", "threads: 1", .. moreTrial]);

    [Fact]
    public async Task An_asha_sweep_over_epochs_judges_trials_at_the_epochs_validate_printed()
    {
        var spec = Cli.WriteSpec(Spec("asha-epochs", "{ type: asha, resource: epoch, minResource: 1, reductionFactor: 2, maxResource: 12 }", 6, 2, 12));
        var (code, output, err) = await Cli.Run("validate", spec);
        Assert.True(code == 0, err);
        Assert.Contains("ASHA rungs at epochs 1, 2, 4, 8 (max 12)", output);

        (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "asha", "--cpu-slots", "2");
        Assert.True(code == 0, err);
        var trials = await Cli.Trials("asha");
        Assert.Equal(6, trials.Count);
        foreach (var t in trials)
        {
            // reportEvery: 1 writes a progress line per optimizer step (4 per epoch); only the epochs reach the pruner.
            var lastStep = t!["last_step"]!.GetValue<int>();
            var state = t["state"]!.GetValue<string>();
            Assert.True(state is "complete" or "pruned", $"trial {t["number"]}: {state} {t["error"]}");
            if (state == "complete") Assert.Equal(12, lastStep);
            else Assert.Contains(lastStep, new[] { 1, 2, 4, 8 });
        }
        Assert.Contains(trials, t => t!["state"]!.GetValue<string>() == "pruned");
    }

    [Fact]
    public async Task A_paused_sweep_train_trial_resumes_from_the_epoch_it_reached()
    {
        var spec = Cli.WriteSpec(Spec("pause-train", "{ type: none }", 1, 1, 60, "stopGrace: 30s"));
        var (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "pt", "--detach");
        Assert.True(code == 0, err);
        var stdout = Path.Combine(Cli.Home, "trials", "pt", "0", "stdout.log");
        await SweepCli.WaitUntil(() => Task.FromResult(EpochsIn(stdout).DefaultIfEmpty(0).Max() >= 3), TimeSpan.FromSeconds(90), "epoch 3 was reported");
        Assert.Equal(0, (await Cli.Run("pause", "pt", "--home", Cli.Home)).Code);
        Assert.Equal("pending", (await Cli.Trials("pt"))[0]!["state"]!.GetValue<string>());
        // SIGTERM, not SIGKILL: the trainer finishes its step, checkpoints and says so.
        var stderr = Path.Combine(Cli.Home, "trials", "pt", "0", "stderr.log");
        try
        {
            await SweepCli.WaitUntil(() => Task.FromResult(File.ReadAllText(stdout).Contains("cancelled by SIGTERM", StringComparison.Ordinal)),
                                     TimeSpan.FromSeconds(40), "the trainer wrote its cancelled result");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nstdout: {string.Join("\n", File.ReadLines(stdout).TakeLast(3))}\n" +
                                       $"stderr: {string.Join("\n", File.ReadLines(stderr).TakeLast(5))}\nsilo: {Cli.SiloLog()}");
        }
        var before = File.ReadAllLines(stdout).Length;
        var reached = EpochsIn(stdout).Max();

        Assert.Equal(0, (await Cli.Run("resume", "pt", "--home", Cli.Home, "--detach")).Code);
        await SweepCli.WaitUntil(async () => (await Cli.Status("pt"))["status"]!.GetValue<string>() == "completed",
                                 TimeSpan.FromSeconds(180), "the sweep completed");
        var trial = (await Cli.Trials("pt"))[0]!;
        Assert.Equal(("complete", 2), (trial["state"]!.GetValue<string>(), trial["attempt"]!.GetValue<int>()));
        var resumed = File.ReadAllLines(stdout).Skip(before).Select(Epoch).OfType<int>().ToList();
        Assert.True(resumed.Min() > 1 && resumed.Min() <= reached + 1, $"second attempt started at epoch {resumed.Min()} after reaching {reached}");
        Assert.Equal(60, resumed.Max());
        Assert.Contains("resuming after epoch", File.ReadAllText(stderr));
    }

    private static IEnumerable<int> EpochsIn(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Select(Epoch).OfType<int>() : [];

    private static int? Epoch(string line) =>
        line.StartsWith('{') && JsonNode.Parse(line) is JsonObject o && o["type"]?.GetValue<string>() == "progress" ? o["epoch"]?.GetValue<int>() : null;
}
