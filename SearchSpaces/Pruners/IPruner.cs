namespace Sweep.SearchSpaces.Pruners;

/// <summary>
/// Decides, after each report, whether a running trial goes on. A pure function of the stored intermediate
/// values (as in Optuna), plus promotions for pruners that pause trials.
/// </summary>
public interface IPruner
{
    string Name { get; }

    /// <summary>Called once when a trial is created, before it is sampled (Hyperband assigns its bracket here).</summary>
    void OnTrialCreated(ITrialHistory history, TrialRecord trial) { }

    /// <summary>Decision for <paramref name="trial"/> right after it reported at its <see cref="TrialRecord.LastStep"/>.</summary>
    PruneDecision Decide(ITrialHistory history, TrialRecord trial);

    /// <summary>Paused (Waiting) trials that should now resume; empty for pruners that never pause.</summary>
    IReadOnlyList<int> Promotions(ITrialHistory history) => [];

    /// <summary>
    /// The steps at which this pruner compares trials (its rungs), lowest first; empty for pruners without rungs or
    /// while the rungs are not known yet. A multi-fidelity sampler models the values reported there.
    /// </summary>
    IReadOnlyList<long> RungSteps(ITrialHistory history) => [];
}
