using System.Collections.Immutable;
using Sweep.Grains.Storage;

namespace Sweep.Grains.Model;

/// <summary>The persisted state of one trial (a <see cref="Trials.TrialGrain"/>), and a row of <c>sweep trials</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record TrialInfo : IFencedState
{
    [Id(0)] public required string SweepId { get; init; }
    [Id(1)] public int Number { get; init; }
    [Id(2)] public TrialState Status { get; init; }
    /// <summary>Internal values (choice index for categoricals), what the sampler is rebuilt from.</summary>
    [Id(3)] public ImmutableSortedDictionary<string, double> Params { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
    /// <summary>The same parameters as JSON literals (<c>0.01</c>, <c>4</c>, <c>"adam"</c>), in space order, for output.</summary>
    [Id(4)] public ImmutableArray<ParamValue> Values { get; init; } = [];
    [Id(5)] public double? Value { get; init; }
    [Id(6)] public ImmutableSortedDictionary<int, double> Intermediate { get; init; } = ImmutableSortedDictionary<int, double>.Empty;
    /// <summary>Runs started so far (1 after the first start; retries and restarts after a pause add one).</summary>
    [Id(7)] public int Attempt { get; init; }
    [Id(8)] public int Retries { get; init; }
    [Id(9)] public string? Node { get; init; }
    [Id(10)] public string? Device { get; init; }
    [Id(11)] public string? Runner { get; init; }
    [Id(12)] public string? Error { get; init; }
    [Id(13)] public int? ExitCode { get; init; }
    [Id(14)] public ImmutableArray<string> StderrTail { get; init; } = [];
    /// <summary>Numeric fields of the result line (val_top1, params, sops_per_sample, …).</summary>
    [Id(15)] public ImmutableSortedDictionary<string, double> Metrics { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
    [Id(16)] public DateTime CreatedUtc { get; init; }
    [Id(17)] public DateTime? StartedUtc { get; init; }
    [Id(18)] public DateTime? FinishedUtc { get; init; }
    /// <summary>The OpenMP threads the last attempt ran with (<c>OMP_NUM_THREADS</c>); null: the library's default, or unknown.</summary>
    [Id(19)] public int? Threads { get; init; }
    /// <summary>The trial runs a configuration the spec enqueued (<c>budget.enqueue</c>), not one the sampler chose.</summary>
    [Id(20)] public bool Enqueued { get; init; }

    /// <summary>
    /// The sweep record's etag when its sweep activation wrote this row: the row is written only while the sweep
    /// record is still there, so an overtaken activation of the sweep (a frozen or cut-off silo) writes nothing.
    /// </summary>
    [Id(21)] public StateFence? Fence { get; init; }

    [Id(22)] public TrialStage Stage { get; init; }
    /// <summary>The seed the trial runs with (<c>--set seed=N</c>, <c>SWEEP_SEED</c>); null for trials stored before seeds were chosen.</summary>
    [Id(23)] public int? Seed { get; init; }
    /// <summary>For a re-evaluation trial, the search trial whose configuration it runs again.</summary>
    [Id(24)] public int? Reevaluates { get; init; }

    public bool IsFinished => Status is TrialState.Complete or TrialState.Pruned or TrialState.Failed;

    /// <summary>The last step the trial reported an intermediate value for; null before its first report.</summary>
    public int? LastStep => Intermediate.IsEmpty ? null : Intermediate.Keys.Last();
}
