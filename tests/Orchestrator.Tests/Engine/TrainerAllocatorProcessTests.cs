using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// The real <c>sweep train</c> and <c>sweep bench-train</c> processes re-execute themselves on tcmalloc (same pid,
/// arguments and pipes), stay on glibc when SWEEP_ALLOCATOR=glibc, and refuse an unknown allocator by name.
/// </summary>
public sealed class TrainerAllocatorProcessTests : IDisposable
{
    private static readonly string[] Tiny =
    [
        "--set", "method=dvs", "--set", "model=scnn", "--set", "dataset.classes=2", "--set", "dataset.samplesPerClass=6",
        "--set", "dataset.frameSize=16", "--set", "timeSteps=2", "--set", "batchSize=4", "--set", "epochs=1", "--set", "threads=1",
    ];

    private readonly SweepCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(null, "allocator tcmalloc,")]
    [InlineData("glibc", "allocator glibc malloc (SWEEP_ALLOCATOR=glibc),")]
    public async Task Train_runs_on_the_chosen_allocator(string? choice, string logged)
    {
        var env = new Dictionary<string, string> { ["LD_PRELOAD"] = "" };
        if (choice is not null) env["SWEEP_ALLOCATOR"] = choice;
        var (code, output, err) = await _cli.Run(env, ["train", "--out", Path.Combine(_cli.Directory, "run"), .. Tiny]);
        Assert.True(code == 0, err);
        Assert.Contains(logged, err);
        var result = JsonNode.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!.AsObject();
        Assert.Equal("complete", result["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_allocator_is_a_usage_error()
    {
        var (code, output, err) = await _cli.Run(new Dictionary<string, string> { ["SWEEP_ALLOCATOR"] = "hoard" },
                                                 ["train", "--out", Path.Combine(_cli.Directory, "run"), .. Tiny]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("sweep train: SWEEP_ALLOCATOR must be tcmalloc or glibc (got 'hoard')", err.Trim());
    }

    [Fact]
    public async Task Bench_train_prints_one_json_line_on_tcmalloc()
    {
        var (code, output, err) = await _cli.Run(["bench-train", "--warmup", "1", "--iters", "2", .. Tiny]);
        Assert.True(code == 0, err);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var r = JsonNode.Parse(line)!.AsObject();
        Assert.Equal("tcmalloc", r["allocator"]!.GetValue<string>());
        Assert.Equal("dvs", r["method"]!.GetValue<string>());
        Assert.True(r["samples_per_s_med"]!.GetValue<double>() > 0);
        Assert.True(r["peak_rss_mb"]!.GetValue<double>() > 0);
        Assert.Equal(2, r["iter_times_s"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bench_train_names_a_bad_option()
    {
        var (code, _, err) = await _cli.Run(["bench-train", "--iters", "0"]);
        Assert.Equal(2, code);
        Assert.Equal("sweep bench-train: --iters must be >= 1 (got 0)", err.Trim());
    }
}
