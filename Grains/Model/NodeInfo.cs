using System.Collections.Immutable;

namespace Sweep.Grains.Model;

/// <summary>A GPU node (one per silo): its devices, slots per device, and the trials running on it.</summary>
[GenerateSerializer, Immutable]
public sealed record NodeInfo
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public ImmutableArray<string> Devices { get; init; } = [];
    [Id(2)] public int SlotsPerDevice { get; init; } = 1;
    /// <summary>Running trials as <c>sweepId/number@device</c>.</summary>
    [Id(3)] public ImmutableArray<string> Running { get; init; } = [];
    [Id(4)] public string? Runner { get; init; }
    [Id(5)] public DateTime LastSeenUtc { get; init; }
    [Id(6)] public int Completed { get; init; }
}
