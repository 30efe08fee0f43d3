using System.CommandLine;
using System.Text.Json;
using Sweep.Contracts.Config;
using Sweep.Orchestrator.Commands;
using Sweep.Trainer.Config;
using Sweep.Trainer.Training;

namespace Sweep.Orchestrator.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sweep-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Invoke(params string[] args) => Invoke(null, args);

    private static (int Code, string Out, string Err) Invoke(TrainingMethodCatalog? catalog, params string[] args)
    {
        var root = new RootCommand("test") { TrainCommand.Create(catalog) };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(["train", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Dry_run_prints_the_resolved_config_as_json()
    {
        var config = Path.Combine(_dir, "run.yaml");
        File.WriteAllText(config, "method: tmkt\nmodel: vggsnn\ndataset: { kind: ncaltech101, frameSize: 48 }\n");
        var (code, stdout, stderr) = Invoke("--config", config, "--set", "tmkt.mixRatio=0.4", "--set", "lr=0.002", "--out", _dir, "--dry-run");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.Equal("tmkt", r.GetProperty("method").GetString());
        Assert.Equal(0.4, r.GetProperty("tmkt.mixRatio").GetDouble());
        Assert.Equal(0.002, r.GetProperty("lr").GetDouble());
        Assert.Equal("ncaltech101", r.GetProperty("dataset.kind").GetString());
        Assert.Equal(_dir, r.GetProperty("outDir").GetString());
        Assert.Equal(3.0, r.GetProperty("kt.pow").GetDouble());
    }

    [Fact]
    public void Dry_run_yaml_loads_back_as_a_config()
    {
        var (code, yaml, _) = Invoke("--set", "method=kt", "--dry-run", "-f", "yaml");
        Assert.Equal(0, code);
        Assert.Contains("method: \"kt\"\n", yaml);
        var path = Path.Combine(_dir, "resolved.yaml");
        File.WriteAllText(path, yaml);
        var (again, json, _) = Invoke("--config", path, "--dry-run");
        Assert.Equal(0, again);
        Assert.Equal("kt", JsonDocument.Parse(json).RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void Config_errors_exit_2_with_one_line_each_on_stderr_and_nothing_on_stdout()
    {
        var (code, stdout, stderr) = Invoke("--set", "tmkt.mixRatoi=0.4", "--set", "epochs=abc", "--dry-run");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            [
                "--set: tmkt.mixRatoi: unknown key; did you mean 'tmkt.mixRatio'?",
                "--set: epochs: expected an integer >= 1 (got 'abc')",
                "sweep train: 2 config errors",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Without_a_loop_for_the_method_the_run_fails_honestly_with_a_result_line()
    {
        // A build whose catalog lacks the method (every built-in method has a loop now).
        var none = new TrainingMethodCatalog(new Dictionary<TrainingMethod, Func<RunConfig, ITrainingMethod>>());
        var (code, stdout, stderr) = Invoke(none, "--set", "device=cpu", "--set", "threads=1", "--out", _dir);
        Assert.Equal(1, code);
        Assert.Equal("{\"type\":\"result\",\"status\":\"failed\",\"val_top1\":null,\"best_val_top1\":null,\"best_epoch\":null,\"params\":null,\"sops_per_sample\":null,\"val_rgb_top1\":null,\"error\":\"method 'dvs' has no training loop in this build\"}\n", stdout);
        Assert.Contains("sweep train: method dvs, device cpu", stderr);
    }

    [Fact]
    public void Resume_without_a_checkpoint_is_a_usage_error()
    {
        var (code, stdout, stderr) = Invoke("--set", "device=cpu", "--out", _dir, "--resume");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"sweep train: --resume: no checkpoint in {Path.Combine(_dir, "checkpoints")}\n", stderr);
    }
}
