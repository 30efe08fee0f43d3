namespace Sweep.SearchSpaces;

/// <summary>What the caller of a study can do, and hints from it.</summary>
public sealed record StudyOptions
{
    /// <summary>The caller can pause a trial and resume it later (enables ASHA promotions). Default: false.</summary>
    public bool SupportsPause { get; init; }

    /// <summary>The most report steps a trial makes, when known (sizes ASHA rungs). Default: null.</summary>
    public int? MaxSteps { get; init; }

    /// <summary>How many trials may be in flight at once (a hint). Default: 1.</summary>
    public int Batch { get; init; } = 1;

    /// <summary>
    /// Configurations that trials 0, 1, … take before the sampler's own (<c>budget.enqueue</c>): internal values of the
    /// parameters each fixes; the sampler fills in the rest. Tied to trial numbers, so a study rebuilt from storage
    /// picks up where it was. Default: none.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableSortedDictionary<string, double>> Enqueued { get; init; } = [];
}
