namespace Sweep.Orchestrator.Running;

/// <summary>An attempt a slot is running, and how to stop it when its sweep says so.</summary>
internal sealed class RunningAttempt(string sweepId, int number, int attempt, string device)
{
    private readonly CancellationTokenSource _kill = new();

    public string SweepId { get; } = sweepId;
    public int Number { get; } = number;
    public int Attempt { get; } = attempt;
    public string Device { get; } = device;

    /// <summary>Cancelled when the sweep wants the attempt gone (cancel, pause, a stale lease).</summary>
    public CancellationToken KillToken => _kill.Token;

    public bool KillRequested => _kill.IsCancellationRequested;

    public void RequestKill() => _kill.Cancel();
}
