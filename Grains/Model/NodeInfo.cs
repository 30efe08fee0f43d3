using System.Collections.Immutable;

namespace Sweep.Grains.Model;

/// <summary>
/// A GPU node's placement record (one per silo runner): its devices and slots, which are in use and by which trial,
/// its labels, and when it last reported. Written by the node's runner every heartbeat; read by <c>sweep nodes</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NodeInfo
{
    /// <summary>The node name (the grain key): the host name unless given.</summary>
    [Id(0)] public required string Name { get; init; }
    /// <summary>Devices with slots: <c>cuda:N</c> or <c>cpu</c>.</summary>
    [Id(1)] public ImmutableArray<string> Devices { get; init; } = [];
    [Id(2)] public int SlotsPerDevice { get; init; } = 1;
    /// <summary>The runner (one per silo process) that reports for this node.</summary>
    [Id(4)] public string? Runner { get; init; }
    /// <summary>When the runner last reported (UTC); a node silent for longer than a lease is gone.</summary>
    [Id(5)] public DateTime LastSeenUtc { get; init; }
    /// <summary>Attempts this runner finished since it started.</summary>
    [Id(6)] public int Completed { get; init; }
    /// <summary>Free-form <c>key=value</c> labels (<c>--labels</c>).</summary>
    [Id(7)] public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    /// <summary>The machine the runner runs on.</summary>
    [Id(8)] public string Host { get; init; } = "";
    /// <summary>The attempts running now, one per used slot.</summary>
    [Id(9)] public ImmutableArray<NodeTrial> Trials { get; init; } = [];

    public int Slots => Devices.Length * SlotsPerDevice;

    public int FreeSlots => Math.Max(0, Slots - Trials.Length);
}
