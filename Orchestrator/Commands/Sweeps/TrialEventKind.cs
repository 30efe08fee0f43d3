namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>What happened to a trial between two looks at the stored trials.</summary>
internal enum TrialEventKind
{
    Started,
    Requeued,
    Complete,
    Pruned,
    Failed,
}
