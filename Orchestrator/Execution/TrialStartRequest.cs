namespace Sweep.Orchestrator.Execution;

/// <summary>A start queued for the launcher thread; <paramref name="EnqueuedAt"/> is a Stopwatch timestamp.</summary>
internal sealed record TrialStartRequest(TrialLaunch Launch, CancellationToken Ct, long EnqueuedAt, TaskCompletionSource<TrialProcess> Completion);
