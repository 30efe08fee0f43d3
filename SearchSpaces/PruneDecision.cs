namespace Sweep.SearchSpaces;

/// <summary>What a pruner decides after a report.</summary>
public enum PruneDecision
{
    Continue,
    Prune,
    /// <summary>Stop for now and wait for a promotion (only when the caller supports pausing).</summary>
    Pause,
}
