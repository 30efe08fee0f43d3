using System.Globalization;
using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// <c>sweep best</c> of a real <c>sweep train</c> sweep: the config carries its provenance and the trial's thread count,
/// names the best checkpoint, and <c>sweep train --config</c> accepts it and repeats the trial's value.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BestProvenanceTests : SweepCliTest
{
    private static readonly string Spec = TestSpecs.DvsTrain("best-train", "1.0e-3", maxTrials: 1, parallelTrials: 1, epochs: 2);

    [Fact]
    public async Task Best_writes_provenance_and_threads_and_train_repeats_the_trial()
    {
        var spec = Cli.WriteSpec(Spec);
        var (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "bt", "--cpu-slots", "2");
        Assert.True(code == 0, err);
        var trial = (await Cli.Trials("bt"))[0]!;
        Assert.True(trial["state"]!.GetValue<string>() == "complete", trial.ToJsonString());
        var threads = int.TryParse(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"), out var set) && set > 0 ? set : Math.Max(1, Environment.ProcessorCount / 2);
        Assert.Equal(threads, trial["threads"]!.GetValue<int>());

        var file = Path.Combine(Cli.Directory, "best.yaml");
        (code, var output, err) = await Cli.Run("best", "bt", "--home", Cli.Home, "-o", file);
        Assert.True(code == 0, err);
        // With the config in a file, stdout names the best checkpoint.
        var checkpoint = output.Trim();
        Assert.StartsWith(Path.Combine(Cli.Home, "trials", "bt", "0", "checkpoints", "epoch-"), checkpoint);
        Assert.True(File.Exists(Path.Combine(checkpoint, "model.bin")), checkpoint);
        (code, _, err) = await Cli.Run("best", "bt", "--home", Cli.Home, "-f", "json");
        Assert.Equal(0, code);
        Assert.Equal($"best checkpoint: {checkpoint}", err.Trim());

        var yaml = File.ReadAllText(file);
        Assert.Contains("provenance:\n  sweepId: \"bt\"\n  sweepName: \"best-train\"\n  trial: 0\n  metric: \"val_top1\"\n", yaml);
        Assert.Contains($"  spec: \"{spec}\"\n", yaml);
        Assert.Matches("  specSha256: \"[0-9a-f]{64}\"\n", yaml);
        Assert.Matches("  sweepVersion: \"[0-9]", yaml);
        Assert.Contains($"\nthreads: {threads}\n", yaml);

        (code, output, err) = await Cli.Run("train", "--config", file, "--dry-run", "-f", "json");
        Assert.True(code == 0, err);
        var resolved = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(threads, resolved["threads"]!.GetValue<int>());
        Assert.Equal(trial["params"]!["lr"]!.GetValue<double>(), resolved["lr"]!.GetValue<double>());
        Assert.Equal(2, resolved["epochs"]!.GetValue<int>());

        // The final run: same config, same threads, same value.
        (code, output, err) = await Cli.Run("train", "--config", file, "--out", Path.Combine(Cli.Directory, "final"));
        Assert.True(code == 0, err);
        var result = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())
                           .Single(l => l["type"]!.GetValue<string>() == "result");
        Assert.Equal(trial["value"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
                     result["val_top1"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture));
        Assert.Contains("bt", File.ReadAllText(Directory.EnumerateFiles(Path.Combine(Cli.Directory, "final"), "meta.json", SearchOption.AllDirectories).First()));
    }
}
