using Sweep.Contracts.TrialProtocol;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// The real <c>sweep train</c> output, complete, failed and cancelled, read by both strictnesses of the one protocol
/// reader: the strict reader that checks our trainer and the tolerant one the engine reads programs with see the same
/// records and the same status.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TrainerProtocolTests : SweepCliTest
{
    private string[] Train(string run, int epochs, params string[] extra) =>
    [
        "train", "--out", run, "--set", "method=dvs", "--set", "model=scnn", "--set", "dataset.classes=2",
        "--set", "dataset.samplesPerClass=8", "--set", "dataset.frameSize=16", "--set", "timeSteps=2",
        "--set", "batchSize=4", "--set", $"epochs={epochs}", "--set", "reportEvery=1", "--set", "threads=1", .. extra,
    ];

    [Fact]
    public async Task A_complete_run_reads_the_same_strictly_and_tolerantly()
    {
        var (code, output, err) = await Cli.Run(Train(Path.Combine(Cli.Directory, "ok"), 2));
        Assert.True(code == 0, err);
        var result = AssertReadersAgree(output);
        Assert.Equal(TrialState.Complete, result.Status);
        Assert.NotNull(result.BestValTop1);
    }

    [Fact]
    public async Task A_failed_run_reads_the_same_strictly_and_tolerantly()
    {
        var empty = Directory.CreateDirectory(Path.Combine(Cli.Directory, "empty")).FullName;
        var (code, output, _) = await Cli.Run(Train(Path.Combine(Cli.Directory, "bad"), 2, "--set", "dataset.kind=ncaltech101", "--set", $"dataset.root={empty}"));
        Assert.Equal(ExitCodes.Failed, code);
        var result = AssertReadersAgree(output);
        Assert.Equal(TrialState.Failed, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task A_cancelled_run_reads_the_same_strictly_and_tolerantly()
    {
        using var process = Cli.Start(null, Train(Path.Combine(Cli.Directory, "term"), 200));
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (lines.Count == 3) System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        }
        using (var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2))) await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == ExitCodes.Terminated, await stderr);
        var result = AssertReadersAgree(string.Join('\n', lines));
        Assert.Equal(TrialState.Cancelled, result.Status);
        Assert.StartsWith("cancelled by SIGTERM at step", result.Error);
    }

    private static ResultRecord AssertReadersAgree(string stdout)
    {
        var strict = ProtocolReader.Strict();
        var tolerant = ProtocolReader.Tolerant();
        var records = new List<ProtocolRecord>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var a = strict.Read(line);
            var b = tolerant.Read(line);
            Assert.Equal(a, b);
            records.Add(a!);
        }
        Assert.True(records.Count >= 1, stdout);
        Assert.All(records[..^1], r => Assert.IsType<ProgressRecord>(r));
        return Assert.IsType<ResultRecord>(records[^1]);
    }
}
