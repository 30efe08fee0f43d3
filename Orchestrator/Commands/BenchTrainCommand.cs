using System.CommandLine;
using System.Text.Json;
using Sweep.Trainer.Bench;
using Sweep.Trainer.Config;
using Sweep.Trainer.Runtime;

namespace Sweep.Orchestrator.Commands;

/// <summary>
/// <c>sweep bench-train --config run.yaml [--set k=v ...] [--warmup 3] [--iters 8] [--steps 1] [--like-ref]</c>: times the
/// run's training step on random data and prints one JSON line (samples/s, peak RSS) in the field names of
/// <c>ref_snn.py run</c>, for capacity planning and the side-by-side benchmark in bench/trainer.
/// </summary>
public static class BenchTrainCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var config = new Option<string?>("--config", "-c") { Description = "Run config (YAML); the defaults when omitted." };
        var set = new Option<string[]>("--set") { Description = "Override a key (repeatable).", DefaultValueFactory = _ => [] };
        var warmup = new Option<int>("--warmup") { Description = "Untimed steps first.", DefaultValueFactory = _ => 3 };
        var iters = new Option<int>("--iters") { Description = "Timed iterations.", DefaultValueFactory = _ => 8 };
        var steps = new Option<int>("--steps") { Description = "Steps per timed iteration.", DefaultValueFactory = _ => 1 };
        var classes = new Option<int>("--classes") { Description = "Classes of the random labels.", DefaultValueFactory = _ => 10 };
        var likeRef = new Option<bool>("--like-ref") { Description = "Time ref_snn.py's graph (dvs: CE of mean logits; tmkt: one mixed branch) instead of the method's." };
        var command = new Command("bench-train", "Time a run config's training step on random data; one JSON line on stdout.")
        {
            config, set, warmup, iters, steps, classes, likeRef,
        };
        command.SetAction(pr => Run(pr.GetValue(config), pr.GetValue(set) ?? [],
                                    new StepBenchmarkOptions(pr.GetValue(warmup), pr.GetValue(iters), pr.GetValue(steps), pr.GetValue(classes), pr.GetValue(likeRef))));
        return command;
    }

    private static int Run(string? path, string[] sets, StepBenchmarkOptions options)
    {
        RunConfig config;
        try
        {
            config = RunConfigLoader.Load(path, sets, null);
            StepBenchmark.Check(config, options);
        }
        catch (ConfigException e)
        {
            foreach (var line in e.Errors) Console.Error.WriteLine(line);
            return ExitCodes.Usage;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"sweep bench-train: {e.Message}");
            return ExitCodes.Usage;
        }
        try
        {
            var runtime = TorchRuntime.Initialize(new TorchRuntimeOptions(config.Threads == 0 ? null : config.Threads, config.Device));
            Console.Out.WriteLine(JsonSerializer.Serialize(StepBenchmark.Run(config, options, runtime.Device), Json));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"sweep bench-train: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
