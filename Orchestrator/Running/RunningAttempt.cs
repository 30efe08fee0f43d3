using Sweep.Grains.Model;

namespace Sweep.Orchestrator.Running;

/// <summary>An attempt this runner is running: what it runs, on which device, and whether its sweep wants it killed.</summary>
internal sealed class RunningAttempt(TrialAssignment assignment, string device)
{
    private readonly CancellationTokenSource _kill = new();

    public TrialAssignment Assignment { get; } = assignment;

    public string Device { get; } = device;

    /// <summary>Cancelled when the sweep wants the attempt gone (cancel, pause, a stale lease).</summary>
    public CancellationToken KillToken => _kill.Token;

    public bool KillRequested => _kill.IsCancellationRequested;

    public void RequestKill() => _kill.Cancel();
}
