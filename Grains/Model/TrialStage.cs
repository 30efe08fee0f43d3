namespace Sweep.Grains.Model;

/// <summary>Which part of a sweep a trial belongs to.</summary>
[GenerateSerializer]
public enum TrialStage
{
    /// <summary>Asked from the sampler, within <c>budget.maxTrials</c>; the pruner judges it.</summary>
    Search = 0,

    /// <summary>
    /// A re-run of one of the best search configurations on a fresh seed (<c>budget.reevaluate</c>), after the search;
    /// the sampler never sees it and the pruner never stops it.
    /// </summary>
    Reevaluation = 1,
}
