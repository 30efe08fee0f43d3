using System.Collections.Immutable;

namespace Sweep.Grains.Sweeps;

/// <summary>Persisted state of the <see cref="SweepDirectoryGrain"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record SweepDirectoryState
{
    [Id(0)] public ImmutableArray<string> Sweeps { get; init; } = [];
    [Id(1)] public ImmutableSortedSet<string> Active { get; init; } = [];
}
