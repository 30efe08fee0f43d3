using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces;

/// <summary>The read-only view of a study that samplers and pruners work from.</summary>
public interface ITrialHistory
{
    SearchSpace Space { get; }

    StudyDirection Direction { get; }

    /// <summary>Every trial, indexed by its number.</summary>
    IReadOnlyList<TrialRecord> Trials { get; }

    /// <summary>True when the caller can pause a trial and resume it later (ASHA promotions).</summary>
    bool SupportsPause { get; }

    /// <summary>The hint of how many report steps a trial has at most (null when unknown).</summary>
    int? MaxSteps { get; }

    /// <summary>The steps at which the pruner compares trials (ASHA rungs), lowest first; empty when it has none.</summary>
    IReadOnlyList<long> RungSteps => [];
}
