using System.Collections.Immutable;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Running;

/// <summary>
/// Runs one attempt as a child process (<c>sweep train</c> for a method, or the user's <c>trial.command</c>): passes
/// the parameters as <c>--set key=value</c> and <c>SWEEP_PARAMS</c>, streams the metric of each progress line to the
/// pruner, kills the process group on prune or kill, and turns the exit into a <see cref="TrialOutcome"/>.
/// </summary>
internal sealed class ProcessTrial(TrialProcessLauncher launcher, RunnerOptions options)
{
    public async Task<TrialOutcome?> Run(TrialAssignment a, string device, Func<int, double, Task<ReportDecision>> report,
                                         CancellationToken kill, CancellationToken shutdown)
    {
        var dir = Path.Combine(options.TrialsDirectory, a.SweepId, a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        TrialProcess process;
        try
        {
            process = await launcher.StartAsync(Launch(a, device, dir), shutdown);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new TrialOutcome { Kind = TrialOutcomeKind.Failed, Error = $"could not start the trial: {e.Message}" };
        }
        await using var _ = process;
        var pruned = false;
        double? lastValue = null;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(kill, shutdown);
        var exit = await process.RunAsync(async line =>
        {
            if (line is not TrialProgress p || !p.Metrics.TryGetValue(a.MetricName, out var v)) return true;
            lastValue = v;
            var decision = await report((int)Math.Min(p.Step, int.MaxValue), v);
            pruned = decision == ReportDecision.Prune;
            return decision == ReportDecision.Continue;
        }, both.Token);
        if (shutdown.IsCancellationRequested && !kill.IsCancellationRequested) return null;   // the lease or resume requeues it
        return Outcome(a, exit, pruned, kill.IsCancellationRequested, lastValue);
    }

    private TrialLaunch Launch(TrialAssignment a, string device, string dir)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SWEEP_SWEEP_ID"] = a.SweepId,
            ["SWEEP_TRIAL"] = a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SWEEP_TRIAL_DIR"] = dir,
            ["CUDA_VISIBLE_DEVICES"] = device.StartsWith("cuda:", StringComparison.Ordinal) ? device["cuda:".Length..] : "",
        };
        if (device == "cpu" && Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is null)
            env["OMP_NUM_THREADS"] = Math.Max(1, Environment.ProcessorCount / Math.Max(1, options.CpuSlots)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sets = a.Settings.SelectMany(s => new[] { "--set", s }).ToList();
        if (a.Kind == TrialTarget.Command)
        {
            env["SWEEP_PARAMS"] = a.ParamsJson;
            return TrialLaunch.ForShellCommand(a.Target, sets, env, dir, dir);
        }
        if (a.Kind == TrialTarget.Method && TrainerPreload() is { } preload)
            env["LD_PRELOAD"] = preload;   // the child starts on tcmalloc instead of re-executing itself
        var args = options.SweepCommand.Skip(1).Concat(["train", "--out", dir, "--set", $"method={a.Target}"]).Concat(sets).ToList();
        if (Directory.Exists(Path.Combine(dir, "checkpoints")) && Directory.EnumerateFileSystemEntries(Path.Combine(dir, "checkpoints")).Any())
            args.Add("--resume");
        return new TrialLaunch(options.SweepCommand[0], args, env, dir, dir);
    }

    private static string? TrainerPreload()
    {
        try
        {
            return Trainer.Runtime.TrainerAllocator.PreloadFor(Environment.GetEnvironmentVariable("LD_PRELOAD"));
        }
        catch (ArgumentException)
        {
            return null;   // a bad SWEEP_ALLOCATOR: the child names it in its error and fails the trial
        }
    }

    private static TrialOutcome Outcome(TrialAssignment a, TrialExit exit, bool pruned, bool killed, double? lastValue)
    {
        var tail = exit.StderrTail.ToImmutableArray();
        if (pruned) return new TrialOutcome { Kind = TrialOutcomeKind.Pruned, ExitCode = exit.ExitCode, StderrTail = tail };
        if (killed) return new TrialOutcome { Kind = TrialOutcomeKind.Killed, ExitCode = exit.ExitCode, StderrTail = tail };
        if (exit.ProtocolError is { } protocol)
            return new TrialOutcome { Kind = TrialOutcomeKind.Failed, Error = $"protocol error on stdout: {protocol}", ExitCode = exit.ExitCode, StderrTail = tail };
        if (exit.Result is { } r)
        {
            var metrics = r.Metrics.ToImmutableSortedDictionary(StringComparer.Ordinal);
            if (r.Status == "complete")
                return new TrialOutcome
                {
                    Kind = TrialOutcomeKind.Complete, Value = r.Metrics.TryGetValue(a.MetricName, out var v) ? v : lastValue,
                    Metrics = metrics, ExitCode = exit.ExitCode, StderrTail = tail,
                };
            return new TrialOutcome
            {
                Kind = TrialOutcomeKind.Failed, Error = r.Error ?? "the trial reported status failed", Metrics = metrics,
                ExitCode = exit.ExitCode, StderrTail = tail,
            };
        }
        var last = tail.LastOrDefault(l => !string.IsNullOrWhiteSpace(l));
        var why = exit.ExitCode is { } code ? $"exit code {code}" : "killed by a signal";
        return new TrialOutcome
        {
            Kind = exit.ExitCode == 0 ? TrialOutcomeKind.Failed : TrialOutcomeKind.Crashed,
            Error = exit.ExitCode == 0 ? "the process exited 0 without a result line" : $"the process died ({why}) without a result line" + (last is null ? "" : $"; last stderr: {last}"),
            ExitCode = exit.ExitCode, StderrTail = tail,
        };
    }
}
