using Sweep.Contracts.TrialProtocol;
using Sweep.Trainer.Config;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Training.Checkpoints;
using Sweep.Trainer.Training.Control;
using Sweep.Trainer.Training;
using TorchSharp;

namespace Sweep.Orchestrator.Commands;

/// <summary>
/// Does <c>sweep train</c>: resolve the config (errors → exit 2), print it for <c>--dry-run</c>, else set torch up,
/// seed it, check the checkpoint folder against <c>--resume</c> (exit 2 on a mismatch), and hand the run to the
/// method's <see cref="ITrainingMethod"/> through <see cref="TrainingRunner"/>, which writes the result line.
/// </summary>
public sealed class TrainCommandRunner(TextWriter output, TextWriter error, TrainingMethodCatalog catalog)
{
    public int Run(TrainRequest request)
    {
        RunConfig config;
        try
        {
            var sets = request.OutDir is null ? request.Sets : [.. request.Sets, $"outDir={request.OutDir}"];
            config = RunConfigLoader.Load(request.ConfigPath, sets, request.SweepParams);
        }
        catch (ConfigException e)
        {
            foreach (var line in e.Errors) error.WriteLine(line);
            error.WriteLine($"sweep train: {e.Errors.Length} config error{(e.Errors.Length == 1 ? "" : "s")}");
            return ExitCodes.Usage;
        }
        if (request.DryRun)
        {
            output.Write(request.Format == "yaml" ? RunConfigWriter.ToYaml(config) : RunConfigWriter.ToJson(config) + "\n");
            return ExitCodes.Ok;
        }
        return Train(config, request.Resume);
    }

    private int Train(RunConfig config, bool resume)
    {
        TorchRuntimeInfo runtime;
        try
        {
            runtime = TorchRuntime.Initialize(new TorchRuntimeOptions(config.Threads == 0 ? null : config.Threads, config.Device));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"sweep train: device: {e.Message}");
            return ExitCodes.Usage;
        }
        if (config.Method == Contracts.Config.TrainingMethod.Ckd && config.Ckd.Teacher == Contracts.Config.ConfigKeys.TeacherAuto)
        {
            // Before the checkpoint checks: a resumed student's checkpoint names the resolved teacher, not "auto".
            var (resolved, code) = ResolveTeacher(config, runtime.Device);
            if (resolved is null) return code;
            config = resolved;
        }
        var store = new CheckpointStore(config.CheckpointDir);
        var last = store.Latest();
        if (resume && last is null)
        {
            error.WriteLine($"sweep train: --resume: no checkpoint in {store.Directory}");
            return ExitCodes.Usage;
        }
        if (!resume && last is not null)
        {
            error.WriteLine($"sweep train: {store.Directory} already holds checkpoints (epoch {last.Epoch}); pass --resume to continue, or choose another --out");
            return ExitCodes.Usage;
        }
        try
        {
            if (last is not null) CheckpointStore.EnsureCompatible(last, config);
        }
        catch (CheckpointMismatchException e)
        {
            error.WriteLine($"sweep train: {e.Message}");
            return ExitCodes.Usage;
        }
        torch.random.manual_seed(config.Seed);
        if (last?.TorchRngState is { } rng) CheckpointStore.RestoreTorchRng(rng);
        error.WriteLine($"sweep train: method {config.Method.ToString().ToLowerInvariant()}, device {runtime.Device}, " +
                        $"allocator {TrainerAllocator.Describe()}, config {config.Hash[..12]}, {(last is null ? "new run" : $"resuming after epoch {last.Epoch}")} in {Path.GetFullPath(config.OutDir)}");
        var protocol = new ProtocolWriter(output);
        var method = catalog.Create(config);
        if (method is null)
        {
            var message = $"method '{config.Method.ToString().ToLowerInvariant()}' has no training loop in this build";
            protocol.WriteResult(ResultRecord.Failed(message));
            error.WriteLine($"sweep train: {message}");
            return ExitCodes.Failed;
        }
        using var control = new RunController(config.MaxSteps);
        return TrainingRunner.Run(new TrainingSession(config, runtime.Device, protocol, store, control, error, last), method);
    }

    /// <summary>
    /// <c>ckd.teacher: auto</c>: the shared teacher's folder (under <c>SWEEP_TEACHERS</c>, which a sweep sets to
    /// HOME/teachers, else the home's), trained first when missing. A failure ends the run as a failed trial.
    /// </summary>
    private (RunConfig? Config, int ExitCode) ResolveTeacher(RunConfig config, string device)
    {
        var root = Environment.GetEnvironmentVariable(TeachersVariable) is { Length: > 0 } env
            ? env
            : Path.Combine(Hosting.SweepHome.ResolvePath(null), "teachers");
        try
        {
            using var control = new RunController();
            return (SharedTeacher.Resolve(config, root, device, control, error), ExitCodes.Ok);
        }
        catch (OperationCanceledException)
        {
            new ProtocolWriter(output).WriteResult(ResultRecord.Of(Contracts.TrialState.Cancelled, null, null, null, null, null, null, "cancelled while the shared teacher trained"));
            return (null, ExitCodes.Terminated);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or CheckpointMismatchException)
        {
            var message = e is InvalidOperationException ? e.Message : $"ckd.teacher: auto: {e.Message}";
            new ProtocolWriter(output).WriteResult(ResultRecord.Failed(message));
            error.WriteLine($"sweep train: {message}");
            return (null, ExitCodes.Failed);
        }
    }

    /// <summary>The folder shared teachers live in; a sweep's runner sets it to HOME/teachers.</summary>
    public const string TeachersVariable = "SWEEP_TEACHERS";
}
