using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweep.Grains.Model;
using Sweep.Grains.Nodes;
using Sweep.Grains.Sweeps;
using Sweep.Grains.Telemetry;
using Sweep.Orchestrator.Execution;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Running;

/// <summary>
/// The trial runner of a silo: one loop per slot pulls an attempt from the active sweeps, runs it (a function in
/// process, anything else as a child process started by the launcher's long-lived thread) and reports back; a
/// heartbeat loop keeps the leases and kills attempts the sweeps no longer want. Grain calls never wait for training.
/// On shutdown it drains: no new attempts; running ones get <see cref="RunnerOptions.DrainGrace"/> to finish, then
/// are stopped and given back to their sweeps' queues.
/// </summary>
public sealed partial class TrialRunnerService(
    IGrainFactory grains, IOptions<RunnerOptions> options, ILogger<TrialRunnerService> log, ILoggerFactory loggers) : BackgroundService
{
    // How long a finished attempt's result is offered to its sweep while the cluster's database or the sweep's silo is away.
    private static readonly TimeSpan FinishPatience = TimeSpan.FromMinutes(5);

    private readonly RunnerOptions _options = options.Value;
    private readonly ConcurrentDictionary<(string, int), RunningAttempt> _running = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _deviceGates = new();
    // Node, process and a random part: a restarted silo on the same node is a different runner.
    private readonly string _runner = $"{options.Value.NodeName}:{Environment.ProcessId}:{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    // Fires DrainGrace after shutdown begins: running attempts are stopped then.
    private readonly CancellationTokenSource _shutdown = new();
    private ProcessAttempt? _processes;
    private int _completed;
    private int _rotation;

    public string RunnerId => _runner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _options.Validate();
        Directory.CreateDirectory(_options.TrialsDirectory, SweepHome.OwnerOnlyFolder);
        using var launcher = new TrialProcessLauncher(new TrialLauncherOptions { Supervisor = _options.SweepCommand },
                                                      loggers.CreateLogger<TrialProcessLauncher>());
        _processes = new ProcessAttempt(launcher, _options, log);
        var devices = _options.SlotDevices();
        LogStarted(log, _runner, devices.Count, string.Join(",", devices.Distinct()));
        using var slotMetrics = SweepMetrics.PublishSlots(_options.NodeName, devices.Count, () => _running.Count);
        using var drain = stoppingToken.Register(() =>
        {
            if (!_running.IsEmpty) LogDraining(log, _running.Count, _options.DrainGrace.TotalSeconds);
            _shutdown.CancelAfter(_options.DrainGrace);
        });
        var slots = devices.Select(d => Task.Run(() => SlotLoopAsync(d, stoppingToken), CancellationToken.None)).ToList();
        using var beating = new CancellationTokenSource();
        var heartbeat = Task.Run(() => HeartbeatLoopAsync(beating.Token), CancellationToken.None);
        await Task.WhenAll(slots);
        // The leases of draining attempts need beats until the last one has ended.
        await beating.CancelAsync();
        await heartbeat;
        await ReportNodeAsync(leaving: true).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public override void Dispose()
    {
        _shutdown.Dispose();
        base.Dispose();
    }

    private async Task SlotLoopAsync(string device, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await AcquireAsync(device) is { } a) await RunOneAsync(a);
                else await Task.Delay(_options.PollInterval, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                LogSlotError(log, device, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Asks the active sweeps for an attempt for a slot on <paramref name="device"/>. Slots of one device ask one at a
    /// time, so the free memory each offers counts the attempts the others just took.
    /// </summary>
    private async Task<RunningAttempt?> AcquireAsync(string device)
    {
        var gate = _deviceGates.GetOrAdd(device, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var slot = new RunnerSlot(_runner, _options.NodeName, device)
            {
                Labels = _options.Labels,
                Threads = _options.ThreadsFor(device),
                // An attempt that declared no memory holds the whole device (RunnerSlot.Fits).
                FreeGpuMemoryGb = _options.GpuMemoryGb is { } size && device != "cpu"
                    ? size - _running.Values.Where(r => r.Device == device).Sum(r => r.Assignment.GpuMemoryGb ?? size)
                    : null,
                GpuMemoryGb = device != "cpu" ? _options.GpuMemoryGb : null,
            };
            var active = await grains.GetGrain<ISweepDirectoryGrain>(0).ActiveAsync();
            var start = Interlocked.Increment(ref _rotation);
            for (var i = 0; i < active.Length; i++)
            {
                if (await grains.GetGrain<ISweepGrain>(active[(start + i) % active.Length]).NextAsync(slot) is not { } a) continue;
                var attempt = new RunningAttempt(a, device);
                _running[(a.SweepId, a.Number)] = attempt;
                return attempt;
            }
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunOneAsync(RunningAttempt attempt)
    {
        var a = attempt.Assignment;
        var sweep = grains.GetGrain<ISweepGrain>(a.SweepId);
        using var stopFunction = CancellationTokenSource.CreateLinkedTokenSource(attempt.KillToken, _shutdown.Token);
        var progress = TrialProgressFile.Open(_options, a.SweepId, a.Number);
        try
        {
            TrialOutcome? outcome;
            var ran = true;
            try
            {
                outcome = a.Kind == TrialKind.Function
                    ? await FunctionAttempt.RunAsync(a, progress, ReportAsync, stopFunction.Token)
                    : await _processes!.RunAsync(a, attempt.Device, progress, ReportAsync, attempt.KillToken, _shutdown.Token);
            }
            catch (OperationCanceledException) when (attempt.KillRequested || _shutdown.IsCancellationRequested)
            {
                (outcome, ran) = (attempt.KillRequested ? TrialOutcome.Cancelled : null, false);
            }
            if (_shutdown.IsCancellationRequested && !attempt.KillRequested)
            {
                // Stopped by the drain, not by its sweep: back to the queue for another node, no retry used.
                await sweep.ReleaseAsync(a.Number, a.Attempt, $"its node {_options.NodeName} shut down during attempt {a.Attempt}");
            }
            else if (outcome is not null)
            {
                await FinishAsync(sweep, a, outcome);
                if (ran) Interlocked.Increment(ref _completed);
            }
        }
        finally
        {
            progress.Dispose();
            if (progress.Error is { } lost) LogProgressFileLost(log, a.SweepId, a.Number, lost);
            _running.TryRemove((a.SweepId, a.Number), out _);
        }

        async Task<ReportDecision> ReportAsync(int step, double value)
        {
            try
            {
                return await sweep.ReportAsync(a.Number, a.Attempt, step, value);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A report lost while the sweep's silo or the database is away costs the pruner one point, not the trial.
                LogReportLost(log, a.SweepId, a.Number, step, e);
                return ReportDecision.Continue;
            }
        }
    }

    /// <summary>
    /// Hands the outcome to the sweep, retrying while its silo or the database is away (a result is never dropped for
    /// a transient fault). A stale attempt is ignored by the sweep, so a retry that lands twice counts once.
    /// </summary>
    private async Task FinishAsync(ISweepGrain sweep, TrialAssignment a, TrialOutcome outcome)
    {
        var deadline = DateTime.UtcNow + FinishPatience;
        var wait = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await sweep.FinishAsync(a.Number, a.Attempt, outcome);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                LogFinishRetry(log, a.SweepId, a.Number, wait.TotalSeconds, e.Message);
                await Task.Delay(wait, CancellationToken.None);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await BeatAsync();
                await Task.Delay(_options.HeartbeatInterval, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                LogHeartbeatError(log, e);
                await Task.Delay(_options.HeartbeatInterval, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task BeatAsync()
    {
        foreach (var group in _running.Values.GroupBy(r => r.Assignment.SweepId))
        {
            var kill = await grains.GetGrain<ISweepGrain>(group.Key)
                .HeartbeatAsync(_runner, [.. group.Select(r => new TrialAttempt(r.Assignment.Number, r.Assignment.Attempt))]);
            foreach (var k in kill)
                if (_running.TryGetValue((group.Key, k.Number), out var r) && r.Assignment.Attempt == k.Attempt) r.RequestKill();
        }
        await ReportNodeAsync(leaving: false);
    }

    /// <summary>The node's placement record; a node leaving offers no slots.</summary>
    private Task ReportNodeAsync(bool leaving) =>
        grains.GetGrain<IGpuNodeGrain>(_options.NodeName).UpdateAsync(new NodeInfo
        {
            Name = _options.NodeName,
            Host = Environment.MachineName,
            Devices = leaving ? [] : [.. _options.SlotDevices().Distinct()],
            SlotsPerDevice = _options.Gpus.Count > 0 ? _options.SlotsPerGpu : _options.CpuSlots,
            Labels = _options.Labels,
            Trials = [.. _running.Values.Select(r => new NodeTrial(r.Assignment.SweepId, r.Assignment.Number, r.Assignment.Attempt, r.Device))],
            Runner = _runner,
            LastSeenUtc = DateTime.UtcNow,
            Completed = _completed,
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "runner {Runner}: {Slots} slots on {Devices}")]
    private static partial void LogStarted(ILogger logger, string runner, int slots, string devices);

    [LoggerMessage(Level = LogLevel.Information, Message = "draining: no new trials; {Running} running get {Grace} s to finish, then go back to their queues")]
    private static partial void LogDraining(ILogger logger, int running, double grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "slot on {Device} failed; retrying in 1 s")]
    private static partial void LogSlotError(ILogger logger, string device, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "heartbeat failed; retrying")]
    private static partial void LogHeartbeatError(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep {SweepId}: report of trial {Number} at step {Step} lost")]
    private static partial void LogReportLost(ILogger logger, string sweepId, int number, int step, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep {SweepId}: progress.jsonl of trial {Number} is incomplete ({Error})")]
    private static partial void LogProgressFileLost(ILogger logger, string sweepId, int number, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep {SweepId}: result of trial {Number} not delivered ({Error}); retrying in {Seconds} s")]
    private static partial void LogFinishRetry(ILogger logger, string sweepId, int number, double seconds, string error);
}
