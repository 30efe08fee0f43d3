using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// One running trial: stdout is the JSON-lines protocol, stderr goes to <c>stderr.log</c> and a tail for the
/// failure reason. Created by <see cref="TrialProcessLauncher"/>. Killing always hits the whole process group.
/// </summary>
public sealed class TrialProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TrialLauncherOptions _options;
    private readonly ILogger _logger;
    private readonly string _stdoutLogPath;
    private readonly StderrTail _stderr;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private int _running;
    private volatile bool _killed;
    private volatile bool _groupGone;

    internal TrialProcess(Process process, TimeSpan startLatency, string logDirectory, TrialLauncherOptions options, ILogger logger)
    {
        (_process, StartLatency, _options, _logger) = (process, startLatency, options, logger);
        ProcessId = process.Id;
        _stdoutLogPath = Path.Combine(logDirectory, "stdout.log");
        _stderr = new StderrTail(process.StandardError, Path.Combine(logDirectory, "stderr.log"), options.StderrTailLines);
    }

    /// <summary>The trial's pid, which is also its process group id.</summary>
    public int ProcessId { get; }

    /// <summary>From the start request to the running process.</summary>
    public TimeSpan StartLatency { get; }

    /// <summary>
    /// Reads stdout line by line and awaits <paramref name="onLine"/> for each parsed line, in order; returning false
    /// kills the process. A protocol error kills it too. Completes when the process has exited and its output is
    /// drained; processes it left in its group are killed. Call once.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired and the process group was killed.</exception>
    public async Task<TrialExit> RunAsync(Func<TrialLine, ValueTask<bool>> onLine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        if (Interlocked.Exchange(ref _running, 1) != 0) throw new InvalidOperationException("RunAsync may only be called once.");
        var reading = new StdoutReading();
        var stdout = Task.Run(() => ReadStdoutAsync(onLine, reading), CancellationToken.None);
        await using (ct.Register(() => Stop("cancelled")))
            await _process.WaitForExitAsync(CancellationToken.None);
        var duration = Stopwatch.GetElapsedTime(_startedAt);
        // Orphans such as `sleep 1000 &` would hold stdout open and outlive the trial.
        ProcessGroup.Signal(ProcessId, ProcessGroup.SigKill);
        _groupGone = true;
        try
        {
            await Task.WhenAll(stdout, _stderr.Completion).WaitAsync(_options.DrainTimeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            TrialExecutionLog.DrainTimedOut(_logger, ProcessId, _options.DrainTimeout.TotalSeconds);
        }
        TrialExecutionLog.Exited(_logger, ProcessId, _process.ExitCode, duration.TotalSeconds, _killed);
        if (_killed && ct.IsCancellationRequested) throw new OperationCanceledException(ct);
        return new TrialExit(_killed ? null : _process.ExitCode, _killed, reading.Result, reading.ProtocolError, _stderr.Snapshot(), duration);
    }

    /// <summary>SIGKILL to the whole process group. Idempotent; a no-op once the trial is over.</summary>
    public void Kill()
    {
        if (_groupGone) return;
        if (!_process.HasExited) _killed = true;
        ProcessGroup.Signal(ProcessId, ProcessGroup.SigKill);
    }

    /// <summary>Kills the group; with <see cref="TrialLauncherOptions.StopGrace"/> set, SIGTERM first and SIGKILL after it.</summary>
    public void Stop(string reason)
    {
        if (_groupGone || _process.HasExited) return;
        TrialExecutionLog.Stopping(_logger, ProcessId, reason);
        if (_options.StopGrace == TimeSpan.Zero)
        {
            Kill();
            return;
        }
        _killed = true;
        ProcessGroup.Signal(ProcessId, ProcessGroup.SigTerm);
        _ = KillAfterGraceAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (!_process.HasExited)
            await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private async Task KillAfterGraceAsync()
    {
        await Task.WhenAny(_process.WaitForExitAsync(CancellationToken.None), Task.Delay(_options.StopGrace, CancellationToken.None));
        Kill();
    }

    private async Task ReadStdoutAsync(Func<TrialLine, ValueTask<bool>> onLine, StdoutReading reading)
    {
        await using var log = new StreamWriter(_stdoutLogPath, append: true) { AutoFlush = true };
        var reader = new TrialLineReader();
        var listening = true;
        while (await _process.StandardOutput.ReadLineAsync() is { } text)
        {
            await log.WriteLineAsync(text);
            if (!listening) continue; // keep draining into the log after a stop
            TrialLine? line;
            try
            {
                line = reader.Read(text);
            }
            catch (TrialLineException e)
            {
                reading.ProtocolError = e.Message;
                TrialExecutionLog.ProtocolError(_logger, ProcessId, e.Message);
                listening = false;
                Stop("protocol error");
                continue;
            }
            if (line is null) continue;
            if (line is TrialResult result) reading.Result = result;
            bool keep;
            try
            {
                keep = await onLine(line);
            }
            catch
            {
                Kill();
                throw;
            }
            if (!keep)
            {
                listening = false;
                Stop("the engine asked to stop it");
            }
        }
    }

    // Written by the stdout reader, read by RunAsync after awaiting it.
    private sealed class StdoutReading
    {
        public TrialResult? Result { get; set; }

        public string? ProtocolError { get; set; }
    }
}
