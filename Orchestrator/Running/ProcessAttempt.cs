using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Sweep.Contracts.TrialProtocol;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Execution;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Running;

/// <summary>
/// Runs one attempt as a child process (<c>sweep train</c> for a method, or the user's <c>trial.command</c>): passes
/// the parameters as <c>--set key=value</c> (or the command's <c>${name}</c> templates) and <c>SWEEP_PARAMS</c>,
/// streams the metric of each progress line to the pruner at the counter <c>pruner.resource</c> names, stops the
/// process group on prune or kill (SIGTERM, SIGKILL after <c>trial.stopGrace</c>), and turns the exit into a
/// <see cref="TrialOutcome"/>.
/// </summary>
internal sealed class ProcessAttempt(TrialProcessLauncher launcher, RunnerOptions options, ILogger log)
{
    /// <summary>The outcome, or null when the silo shut down under the attempt (the lease or resume requeues it).</summary>
    public async Task<TrialOutcome?> RunAsync(TrialAssignment a, string device, TrialProgressFile progress,
                                              Func<int, double, Task<ReportDecision>> report, CancellationToken kill, CancellationToken shutdown)
    {
        var dir = options.CreateTrialDirectory(a.SweepId, a.Number);
        // A silo killed with -9 may have left processes of an earlier attempt here: none may run beside this one.
        if (TrialProcessTable.EndLeftovers(dir) is > 0 and var ended) TrialExecutionLog.LeftoversEnded(log, ended, dir);
        TrialProcess process;
        try
        {
            process = await launcher.StartAsync(Launch(a, device, dir), shutdown);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new TrialOutcome { State = TrialState.Failed, Error = $"could not start the trial: {e.Message}" };
        }
        await using var _ = process;
        var pruned = false;
        double? lastValue = null;
        string? resourceError = null;
        // A hung program is stopped like a pruned one: past trial.timeout, or silent for trial.progressTimeout.
        using var overtime = a.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var quiet = a.ProgressTimeout is { } silence ? new CancellationTokenSource(silence) : new CancellationTokenSource();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(kill, shutdown, overtime.Token, quiet.Token);
        TrialExit exit;
        try
        {
            exit = await process.RunAsync(OnRecordAsync, both.Token);
        }
        catch (OperationCanceledException) when (!kill.IsCancellationRequested && !shutdown.IsCancellationRequested)
        {
            return new TrialOutcome
            {
                State = TrialState.Failed, Retryable = true,
                Error = overtime.IsCancellationRequested
                    ? $"stopped after trial.timeout ({DurationFormat.Format(a.Timeout!.Value)})"
                    : $"stopped after trial.progressTimeout ({DurationFormat.Format(a.ProgressTimeout!.Value)}) without a protocol line",
            };
        }
        if (shutdown.IsCancellationRequested && !kill.IsCancellationRequested) return null;
        return Outcome(a, exit, pruned, kill.IsCancellationRequested, lastValue, resourceError);

        async ValueTask<bool> OnRecordAsync(ProtocolRecord record)
        {
            if (a.ProgressTimeout is { } s) quiet.CancelAfter(s);
            if (record is not ProgressRecord p) return true;
            progress.Append(p);
            if (p.Metric(a.MetricName) is not { } value) return true;
            if (p.Resource(a.Resource) is not { } step)
            {
                var field = a.Resource.ToString().ToLowerInvariant();
                resourceError = $"a progress line carries '{a.MetricName}' but no '{field}' (pruner.resource is {field})";
                return false;
            }
            lastValue = value;
            var decision = await report((int)Math.Min(step, int.MaxValue), value);
            pruned = decision == ReportDecision.Prune;
            return decision == ReportDecision.Continue;
        }
    }

    private TrialLaunch Launch(TrialAssignment a, string device, string dir)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SWEEP_SWEEP_ID"] = a.SweepId,
            ["SWEEP_TRIAL"] = a.Number.ToString(CultureInfo.InvariantCulture),
            ["SWEEP_ATTEMPT"] = a.Attempt.ToString(CultureInfo.InvariantCulture),
            ["SWEEP_TRIAL_DIR"] = dir,
            ["SWEEP_PARAMS"] = a.ParamsJson,
            // ckd.teacher: auto trains its teacher once per node into the home (once per cluster when the home is shared).
            [Commands.TrainCommandRunner.TeachersVariable] = Path.GetFullPath(Path.Combine(options.TrialsDirectory, "..", "teachers")),
            ["CUDA_VISIBLE_DEVICES"] = device.StartsWith("cuda:", StringComparison.Ordinal) ? device["cuda:".Length..] : "",
        };
        // --gpus counts as nvidia-smi does (PCI bus order); CUDA's own default order is fastest first.
        if (Environment.GetEnvironmentVariable("CUDA_DEVICE_ORDER") is null) env["CUDA_DEVICE_ORDER"] = "PCI_BUS_ID";
        if (a.Seed is { } seed) env["SWEEP_SEED"] = seed.ToString(CultureInfo.InvariantCulture);
        if (device == "cpu" && Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is null)
            env["OMP_NUM_THREADS"] = options.ThreadsFor(device)!.Value.ToString(CultureInfo.InvariantCulture);
        var sets = a.Settings.SelectMany(s => new[] { "--set", s }).ToList();
        if (a.Kind == TrialKind.Command)
            return TrialLaunch.ForShellCommand(a.Target, sets, env, dir, dir, a.StopGrace);
        if (TrainerPreload() is { } preload)
            env["LD_PRELOAD"] = preload;   // the child starts on tcmalloc instead of re-executing itself
        var args = options.SweepCommand.Skip(1).Concat(["train", "--out", dir, "--set", $"method={a.Target}"]).Concat(sets).ToList();
        var checkpoints = Path.Combine(dir, "checkpoints");
        if (Directory.Exists(checkpoints) && Directory.EnumerateFileSystemEntries(checkpoints).Any())
            args.Add("--resume");
        return new TrialLaunch(options.SweepCommand[0], args, env, dir, dir, a.StopGrace);
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

    private static TrialOutcome Outcome(TrialAssignment a, TrialExit exit, bool pruned, bool killed, double? lastValue, string? resourceError)
    {
        var tail = exit.StderrTail.ToImmutableArray();
        var metrics = exit.Result is { } r
            ? r.Metrics.Where(kv => kv.Value is not null).ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value!.Value, StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, double>.Empty;
        var outcome = new TrialOutcome { ExitCode = exit.ExitCode, StderrTail = tail, Metrics = metrics };
        if (pruned) return outcome with { State = TrialState.Pruned };
        if (killed) return outcome with { State = TrialState.Cancelled };
        if (exit.ProtocolError is { } protocol)
            return outcome with { State = TrialState.Failed, Error = $"protocol error on stdout: {protocol}" };
        if (resourceError is not null)
            return outcome with { State = TrialState.Failed, Error = $"protocol error on stdout: {resourceError}" };
        if (exit.Result is { } result)
            return result.Status switch
            {
                TrialState.Complete => outcome with { State = TrialState.Complete, Value = result.Metric(a.MetricName) ?? lastValue },
                TrialState.Cancelled => outcome with { State = TrialState.Failed, Retryable = true, Error = result.Error ?? "the trial stopped itself (status cancelled)" },
                _ => outcome with { State = TrialState.Failed, Error = result.Error ?? "the trial reported status failed" },
            };
        var last = tail.LastOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (exit.ExitCode == 0) return outcome with { State = TrialState.Failed, Error = "the process exited 0 without a result line" };
        var why = exit.ExitCode is { } code ? $"exit code {code}" : "killed by a signal";
        return outcome with
        {
            State = TrialState.Failed, Retryable = true,
            Error = $"the process died ({why}) without a result line" + (last is null ? "" : $"; last stderr: {last}"),
        };
    }
}
