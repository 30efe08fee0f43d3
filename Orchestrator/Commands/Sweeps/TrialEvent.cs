namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>One line of a followed sweep's story: <c>trial 3 started on node a slot cpu:1</c>, <c>trial 3 complete: 0.913</c>.</summary>
internal sealed record TrialEvent(int Number, TrialEventKind Kind, DateTime At, string Text);
