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
}
