using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// The real <c>sweep train</c> process under SIGTERM: it stops at the next step, writes a last checkpoint, ends with a
/// <c>cancelled</c> result line and exit 143; <c>--resume</c> then continues from the epoch after that checkpoint
/// and completes.
/// </summary>
public sealed class TrainSignalTests : SweepCliTest
{
    [Fact]
    public async Task Sigterm_checkpoints_and_exits_143_then_resume_completes_the_run()
    {
        var run = Path.Combine(Cli.Directory, "run");
        string[] args =
        [
            "train", "--out", run, "--set", "method=dvs", "--set", "model=scnn", "--set", "dataset.classes=4",
            "--set", "dataset.samplesPerClass=12", "--set", "dataset.frameSize=16", "--set", "timeSteps=2",
            "--set", "batchSize=4", "--set", "epochs=40", "--set", "reportEvery=1", "--set", "threads=1",
        ];
        using var first = Cli.Start(null, args);
        var stderr = first.StandardError.ReadToEndAsync();
        var lines = new List<JsonObject>();
        // Signal once epoch 2 is under way, so epoch 1's checkpoint exists and the stop lands mid-epoch.
        while (await first.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(JsonNode.Parse(line)!.AsObject());
            if (lines[^1]["epoch"]?.GetValue<int>() == 2 && lines[^1]["val_top1"] is null)
            {
                Assert.Equal(0, Process.Start("kill", ["-TERM", first.Id.ToString()])!.WaitForExit(10_000) ? 0 : 1);
                break;
            }
        }
        lines.AddRange((await first.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!.AsObject()));
        using (var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2))) await first.WaitForExitAsync(cts.Token);
        Assert.True(first.ExitCode == 143, $"exit {first.ExitCode}: {await stderr}");
        var result = lines[^1];
        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Equal("cancelled", result["status"]!.GetValue<string>());
        Assert.StartsWith("cancelled by SIGTERM", result["error"]!.GetValue<string>());
        var stoppedEpoch = lines.Where(l => l["type"]!.GetValue<string>() == "progress").Max(l => l["epoch"]!.GetValue<int>());
        Assert.True(stoppedEpoch < 40, "the run finished before the signal took effect");
        Assert.True(Directory.Exists(Path.Combine(run, "checkpoints", $"epoch-{stoppedEpoch:D6}")),
            $"no checkpoint for the interrupted epoch {stoppedEpoch}: {string.Join(", ", Directory.GetDirectories(Path.Combine(run, "checkpoints")))}");

        var (code, output, err) = await Cli.Run([.. args, "--resume"]);
        Assert.True(code == 0, err);
        var resumed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var epochs = resumed.Where(l => l["type"]!.GetValue<string>() == "progress").Select(l => l["epoch"]!.GetValue<int>()).ToList();
        Assert.Equal(stoppedEpoch + 1, epochs.Min());
        Assert.Equal(40, epochs.Max());
        Assert.Equal("complete", resumed[^1]["status"]!.GetValue<string>());
    }
}
