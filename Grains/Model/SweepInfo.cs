namespace Sweep.Grains.Model;

/// <summary>
/// The persisted state of a sweep, and what <c>sweep status</c> shows. Trials live in their own grains so that a
/// trial event writes one small row whatever the sweep's size.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SweepInfo
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    /// <summary>The spec as written, re-read on activation (the engine never persists parsed objects).</summary>
    [Id(2)] public required string SpecText { get; init; }
    [Id(3)] public required string SpecFile { get; init; }
    [Id(4)] public SweepStatus Status { get; init; }
    /// <summary>Why the sweep rests (stop, timeout, too many failures, cancel).</summary>
    [Id(5)] public string? Reason { get; init; }
    [Id(6)] public DateTime CreatedUtc { get; init; }
    [Id(7)] public DateTime? FinishedUtc { get; init; }
    [Id(8)] public int MaxTrials { get; init; }
    /// <summary>Trials asked so far (numbers 0 .. Asked-1 exist).</summary>
    [Id(9)] public int Asked { get; init; }
    [Id(10)] public int Pending { get; init; }
    [Id(11)] public int Running { get; init; }
    [Id(12)] public int Complete { get; init; }
    [Id(13)] public int Pruned { get; init; }
    [Id(14)] public int Failed { get; init; }
    [Id(15)] public int? BestTrial { get; init; }
    [Id(16)] public double? BestValue { get; init; }
    [Id(17)] public string MetricName { get; init; } = "";
    [Id(18)] public StudyDirection Goal { get; init; }
    /// <summary>Wall-clock time spent running (excludes paused or stopped periods), for the budget timeout.</summary>
    [Id(19)] public TimeSpan ActiveTime { get; init; }
    /// <summary>Why the sweep drains or rests, typed; <see cref="Reason"/> says it in words.</summary>
    [Id(20)] public SweepRestCause Cause { get; init; }
    /// <summary>
    /// The sampler's random state after the last ask (base64), so a resumed sweep continues the stream: without it a
    /// sweep restarted from its seed proposes its earlier trials' parameters again.
    /// </summary>
    [Id(21)] public string? SamplerState { get; init; }
    /// <summary>
    /// The seed every search trial runs with (<c>sampler.seed</c>, else drawn at creation); re-evaluation seeds are
    /// derived from it and the trial number. Null for sweeps stored before trials had seeds (they pass none).
    /// </summary>
    [Id(22)] public int? Seed { get; init; }
    /// <summary>Trials of the re-evaluation stage (0 until it starts); they are counted in <see cref="MaxTrials"/> once it has.</summary>
    [Id(23)] public int Reevaluations { get; init; }
    /// <summary>Runs behind <see cref="BestValue"/>: 1 for a single run, more when it is the mean of re-evaluated runs.</summary>
    [Id(24)] public int BestRuns { get; init; }
    /// <summary>Sample standard deviation of the runs behind <see cref="BestValue"/> (null for a single run).</summary>
    [Id(25)] public double? BestSd { get; init; }
    /// <summary>
    /// True once every re-evaluation trial has finished: the best is then the re-evaluated configuration with the best
    /// mean (<see cref="BestTrial"/> is its search trial, <see cref="BestValue"/> the mean), not the best single run.
    /// </summary>
    [Id(26)] public bool RankedByMean { get; init; }

    public int Finished => Complete + Pruned + Failed;

    public bool IsResting => Status is not (SweepStatus.Running or SweepStatus.Draining);
}
