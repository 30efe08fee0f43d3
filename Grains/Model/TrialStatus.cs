namespace Sweep.Grains.Model;

/// <summary>PENDING → RUNNING → COMPLETE | PRUNED | FAILED; a retried or paused trial goes back to PENDING.</summary>
[GenerateSerializer]
public enum TrialStatus
{
    Pending = 0,
    Running = 1,
    Complete = 2,
    Pruned = 3,
    Failed = 4,
}
