using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweep.Grains.Model;
using Sweep.Grains.Nodes;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Execution;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Running;

/// <summary>
/// The trial runner of a silo: one loop per slot pulls an attempt from the active sweeps, runs it (a function in
/// process, anything else as a child process started by the launcher's long-lived thread) and reports back; a
/// heartbeat loop keeps the leases and kills attempts the sweeps no longer want. Grain calls never wait for training.
/// </summary>
public sealed partial class TrialRunnerService(
    IGrainFactory grains, IOptions<RunnerOptions> options, ILogger<TrialRunnerService> log, ILoggerFactory loggers) : BackgroundService
{
    private readonly RunnerOptions _options = options.Value;
    private readonly ConcurrentDictionary<(string, int), RunningAttempt> _running = new();
    // Node, process and a random part: a restarted silo on the same node is a different runner.
    private readonly string _runner = $"{options.Value.NodeName}:{Environment.ProcessId}:{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
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
        var loops = devices.Select(d => Task.Run(() => SlotLoopAsync(d, stoppingToken), CancellationToken.None)).ToList();
        loops.Add(Task.Run(() => HeartbeatLoopAsync(stoppingToken), CancellationToken.None));
        await Task.WhenAll(loops);
    }

    private async Task SlotLoopAsync(string device, CancellationToken stop)
    {
        var slot = new RunnerSlot(_runner, _options.NodeName, device);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await AcquireAsync(slot) is { } a) await RunOneAsync(a, device, stop);
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

    private async Task<TrialAssignment?> AcquireAsync(RunnerSlot slot)
    {
        var active = await grains.GetGrain<ISweepDirectoryGrain>(0).ActiveAsync();
        var start = Interlocked.Increment(ref _rotation);
        for (var i = 0; i < active.Length; i++)
            if (await grains.GetGrain<ISweepGrain>(active[(start + i) % active.Length]).NextAsync(slot) is { } a) return a;
        return null;
    }

    private async Task RunOneAsync(TrialAssignment a, string device, CancellationToken stop)
    {
        var attempt = new RunningAttempt(a.SweepId, a.Number, a.Attempt, device);
        _running[(a.SweepId, a.Number)] = attempt;
        var sweep = grains.GetGrain<ISweepGrain>(a.SweepId);
        try
        {
            Task<ReportDecision> Report(int step, double value) => sweep.ReportAsync(a.Number, a.Attempt, step, value);
            var outcome = a.Kind == TrialKind.Function
                ? await FunctionAttempt.RunAsync(a, Report, attempt.KillToken)
                : await _processes!.RunAsync(a, device, Report, attempt.KillToken, stop);
            if (outcome is not null && !(stop.IsCancellationRequested && !attempt.KillRequested))
            {
                await sweep.FinishAsync(a.Number, a.Attempt, outcome);
                Interlocked.Increment(ref _completed);
            }
        }
        catch (OperationCanceledException) when (attempt.KillRequested)
        {
            await sweep.FinishAsync(a.Number, a.Attempt, TrialOutcome.Cancelled);
        }
        finally
        {
            _running.TryRemove((a.SweepId, a.Number), out _);
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
        var snapshot = _running.Values.ToList();
        foreach (var group in snapshot.GroupBy(r => r.SweepId))
        {
            var kill = await grains.GetGrain<ISweepGrain>(group.Key)
                .HeartbeatAsync(_runner, [.. group.Select(r => new TrialAttempt(r.Number, r.Attempt))]);
            foreach (var k in kill)
                if (_running.TryGetValue((group.Key, k.Number), out var r) && r.Attempt == k.Attempt) r.RequestKill();
        }
        await grains.GetGrain<IGpuNodeGrain>(_options.NodeName).UpdateAsync(new NodeInfo
        {
            Name = _options.NodeName,
            Host = Environment.MachineName,
            Devices = [.. _options.SlotDevices().Distinct()],
            SlotsPerDevice = _options.Gpus.Count > 0 ? _options.SlotsPerGpu : _options.CpuSlots,
            Labels = _options.Labels,
            Trials = [.. snapshot.Select(r => new NodeTrial(r.SweepId, r.Number, r.Attempt, r.Device))],
            Runner = _runner,
            LastSeenUtc = DateTime.UtcNow,
            Completed = _completed,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "runner {Runner}: {Slots} slots on {Devices}")]
    private static partial void LogStarted(ILogger logger, string runner, int slots, string devices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "slot on {Device} failed; retrying in 1 s")]
    private static partial void LogSlotError(ILogger logger, string device, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "heartbeat failed; retrying")]
    private static partial void LogHeartbeatError(ILogger logger, Exception error);
}
