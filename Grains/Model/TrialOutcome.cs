using System.Collections.Immutable;

namespace Sweep.Grains.Model;

/// <summary>The end of one attempt, reported by the runner that ran it.</summary>
[GenerateSerializer, Immutable]
public sealed record TrialOutcome
{
    /// <summary>
    /// <see cref="TrialState.Complete"/> (a result carrying the metric), <see cref="TrialState.Pruned"/> (stopped because
    /// the sweep answered Prune), <see cref="TrialState.Failed"/>, or <see cref="TrialState.Cancelled"/> (stopped because
    /// the sweep no longer wanted the attempt: cancel, pause, a stale attempt).
    /// </summary>
    [Id(0)] public TrialState State { get; init; }
    [Id(1)] public double? Value { get; init; }
    [Id(2)] public string? Error { get; init; }
    [Id(3)] public int? ExitCode { get; init; }
    [Id(4)] public ImmutableArray<string> StderrTail { get; init; } = [];
    [Id(5)] public ImmutableSortedDictionary<string, double> Metrics { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    /// <summary>
    /// A failure of the attempt rather than of the configuration (the process died without a result line): retried
    /// with the same parameters up to <c>budget.maxRetries</c>. A result with status failed is not.
    /// </summary>
    [Id(6)] public bool Retryable { get; init; }

    public static TrialOutcome Cancelled { get; } = new() { State = TrialState.Cancelled };
}
