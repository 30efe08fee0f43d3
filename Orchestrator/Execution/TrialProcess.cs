using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Sweep.Contracts.TrialProtocol;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// One running trial: stdout is the JSON-lines protocol, stderr goes to <c>stderr.log</c> and a tail for the
/// failure reason. Created by <see cref="TrialProcessLauncher"/>. Killing always hits the whole process group.
/// </summary>
public sealed class TrialProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TrialLauncherOptions _options;
    private readonly TimeSpan _stopGrace;
    private readonly ILogger _logger;
    private readonly string _stdoutLogPath;
    private readonly StderrTail _stderr;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private int _running;
    private volatile bool _killed;
    private volatile bool _groupGone;
    private int _terminated;

    internal TrialProcess(Process process, TimeSpan startLatency, string logDirectory, TimeSpan stopGrace, TrialLauncherOptions options, ILogger logger)
    {
        (_process, StartLatency, _stopGrace, _options, _logger) = (process, startLatency, stopGrace, options, logger);
        ProcessId = process.Id;
        _stdoutLogPath = Path.Combine(logDirectory, "stdout.log");
        _stderr = new StderrTail(process.StandardError, Path.Combine(logDirectory, "stderr.log"), options.StderrTailLines);
    }

    /// <summary>The trial's pid, which is also its process group id.</summary>
    public int ProcessId { get; }

    /// <summary>From the start request to the running process.</summary>
    public TimeSpan StartLatency { get; }

    /// <summary>
    /// Reads stdout line by line and awaits <paramref name="onRecord"/> for each protocol line, in order; returning false
    /// kills the process. A protocol error kills it too. Completes when the process has exited and its output is
    /// drained; processes it left in its group are killed. Call once.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired and the process group was killed.</exception>
    public async Task<TrialExit> RunAsync(Func<ProtocolRecord, ValueTask<bool>> onRecord, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onRecord);
        if (Interlocked.Exchange(ref _running, 1) != 0) throw new InvalidOperationException("RunAsync may only be called once.");
        var reading = new TrialStdout(_process.StandardOutput, _stdoutLogPath, onRecord, Stop, Kill);
        var stdout = Task.Run(reading.ReadAsync, CancellationToken.None);
        await using (ct.Register(() => Stop("cancelled")))
            await _process.WaitForExitAsync(CancellationToken.None);
        var duration = Stopwatch.GetElapsedTime(_startedAt);
        // Orphans such as `sleep 1000 &` would hold stdout open and outlive the trial.
        ProcessGroup.Signal(ProcessId, ProcessGroup.SigKill);
        _groupGone = true;
        reading.StopWaitingAfter(_options.DrainTimeout);
        var drained = Task.WhenAll(stdout, _stderr.Completion);
        // Twice the patience: a callback left behind at DrainTimeout still gives the reader time to reach the result.
        if (await Task.WhenAny(drained, Task.Delay(2 * _options.DrainTimeout, CancellationToken.None)) == drained)
            await drained; // surfaces an exception of the callback
        else
            TrialExecutionLog.DrainTimedOut(_logger, ProcessId, _options.DrainTimeout.TotalSeconds);
        if (reading.ProtocolError is { } error) TrialExecutionLog.ProtocolError(_logger, ProcessId, error);
        TrialExecutionLog.Exited(_logger, ProcessId, _process.ExitCode, duration.TotalSeconds, _killed);
        if (_killed && ct.IsCancellationRequested) throw new OperationCanceledException(ct);
        return new TrialExit(_killed ? null : _process.ExitCode, _killed, reading.Result, reading.ProtocolError, _stderr.Snapshot(), duration);
    }

    /// <summary>
    /// SIGKILL to the whole process group. Idempotent; a no-op once the trial is over. A supervised trial gets SIGTERM
    /// with no grace instead: its supervisor ends the whole tree (a SIGKILL would kill the supervisor first and leave
    /// what escaped the group), and the SIGKILL follows only should it hang.
    /// </summary>
    public void Kill()
    {
        if (_groupGone) return;
        if (_options.Supervisor is not null && !_process.HasExited)
        {
            _killed = true;
            if (Interlocked.Exchange(ref _terminated, 1) == 0)
            {
                ProcessGroup.SignalLive(ProcessId, ProcessGroup.SigTerm);
                _ = KillAfterAsync(_options.SupervisorMargin);
            }
            return;
        }
        if (_process.HasExited)
        {
            ProcessGroup.Signal(ProcessId, ProcessGroup.SigKill);
            return;
        }
        _killed = true;
        ProcessGroup.SignalLive(ProcessId, ProcessGroup.SigKill);
    }

    /// <summary>Kills the group; with <see cref="TrialLaunch.StopGrace"/> set, SIGTERM first and SIGKILL after it.</summary>
    public void Stop(string reason)
    {
        if (_groupGone || _process.HasExited) return;
        TrialExecutionLog.Stopping(_logger, ProcessId, reason);
        if (_stopGrace <= TimeSpan.Zero)
        {
            Kill();
            return;
        }
        _killed = true;
        // One SIGTERM only: a program's second signal usually means "now" (ours exits without its last checkpoint).
        if (Interlocked.Exchange(ref _terminated, 1) != 0) return;
        ProcessGroup.SignalLive(ProcessId, ProcessGroup.SigTerm);
        _ = KillAfterAsync(_options.Supervisor is null ? _stopGrace : _stopGrace + _options.SupervisorMargin);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        _groupGone = true;
        _process.Dispose();
    }

    private async Task KillAfterAsync(TimeSpan delay)
    {
        await Task.WhenAny(_process.WaitForExitAsync(CancellationToken.None), Task.Delay(delay, CancellationToken.None));
        if (_groupGone || _process.HasExited) return;
        ProcessGroup.SignalLive(ProcessId, ProcessGroup.SigKill);
    }
}
