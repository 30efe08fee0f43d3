namespace Sweep.Grains.Model;

/// <summary>The sweep's answer to a progress report.</summary>
[GenerateSerializer]
public enum ReportDecision
{
    Continue = 0,
    /// <summary>The pruner stopped the trial: stop it and report <see cref="TrialState.Pruned"/>.</summary>
    Prune = 1,
    /// <summary>The sweep no longer wants this attempt (cancel, pause, a stale attempt): stop it, report <see cref="TrialState.Cancelled"/>.</summary>
    Kill = 2,
}
