namespace Sweep.SearchSpaces;

/// <summary>Lifecycle of a trial. Ordinals match Optuna's <c>TrialState</c> so exports map one to one.</summary>
public enum TrialState
{
    Running = 0,
    Complete = 1,
    Pruned = 2,
    Fail = 3,
    /// <summary>Paused by a pruner (ASHA) until it is promoted; Optuna's WAITING.</summary>
    Waiting = 4,
}
