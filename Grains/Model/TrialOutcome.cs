using System.Collections.Immutable;

namespace Sweep.Grains.Model;

/// <summary>The end of one attempt, reported by the runner that ran it.</summary>
[GenerateSerializer, Immutable]
public sealed record TrialOutcome
{
    [Id(0)] public TrialOutcomeKind Kind { get; init; }
    [Id(1)] public double? Value { get; init; }
    [Id(2)] public string? Error { get; init; }
    [Id(3)] public int? ExitCode { get; init; }
    [Id(4)] public ImmutableArray<string> StderrTail { get; init; } = [];
    [Id(5)] public ImmutableSortedDictionary<string, double> Metrics { get; init; } = ImmutableSortedDictionary<string, double>.Empty;
}
