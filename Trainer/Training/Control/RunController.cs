using System.Runtime.InteropServices;
using Sweep.Contracts;

namespace Sweep.Trainer.Training.Control;

/// <summary>
/// Owns the run's stop signal. SIGTERM and SIGINT trip <see cref="Token"/> instead of killing the process, so the
/// loop finishes its step, writes a last checkpoint and the result line, and exits with <see cref="ExitCode"/>.
/// A second signal is not intercepted: a loop that does not stop can still be killed the usual way.
/// <see cref="StepDone"/> applies <c>maxSteps</c>.
/// </summary>
public sealed class RunController : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly long _maxSteps;
    private int _signals;

    /// <param name="maxSteps">Stop after this many optimizer steps; 0 = no limit.</param>
    /// <param name="handleSignals">Intercept SIGTERM/SIGINT (false in tests that simulate them with <see cref="Stop"/>).</param>
    public RunController(long maxSteps = 0, bool handleSignals = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        _maxSteps = maxSteps;
        if (!handleSignals) return;
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
    }

    /// <summary>Tripped when the run should stop after the current step.</summary>
    public CancellationToken Token => _cts.Token;

    public StopReason Reason { get; private set; }

    public bool StopRequested => Reason != StopReason.None;

    /// <summary>True when the run stopped for a signal: the result is <c>cancelled</c>.</summary>
    public bool Cancelled => Reason is StopReason.Terminated or StopReason.Interrupted;

    /// <summary>
    /// Exit code for the stop: 143 (128+SIGTERM) or 130 (128+SIGINT) after a clean cancel, so shells and supervisors
    /// see a terminated process; null when not cancelled.
    /// </summary>
    public int? ExitCode => Reason switch
    {
        StopReason.Terminated => ExitCodes.Terminated,
        StopReason.Interrupted => ExitCodes.Interrupted,
        _ => null,
    };

    /// <summary>Requests a stop (the first reason wins); what the signal handlers call.</summary>
    public void Stop(StopReason reason)
    {
        if (reason == StopReason.None) return;
        lock (_cts)
        {
            if (Reason != StopReason.None) return;
            Reason = reason;
        }
        _cts.Cancel();
    }

    /// <summary>Call after each optimizer step; true when the loop should stop now (a signal or <c>maxSteps</c>).</summary>
    public bool StepDone(long globalStep)
    {
        if (_maxSteps > 0 && globalStep >= _maxSteps) Stop(StopReason.MaxSteps);
        return StopRequested;
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _registrations.Clear();
        _cts.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1) return;   // second signal: default handling (terminate)
        context.Cancel = true;
        Stop(context.Signal == PosixSignal.SIGTERM ? StopReason.Terminated : StopReason.Interrupted);
    }
}
