using System.Collections.Immutable;

namespace Sweep.Grains.Model;

/// <summary>
/// Who asks for work: a runner (one per silo process), its node name and the device of the free slot, the node's
/// labels, and the GPU memory still free on that device when the node declared its size (<c>--gpu-memory-gb</c>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunnerSlot([property: Id(0)] string Runner, [property: Id(1)] string Node, [property: Id(2)] string Device)
{
    [Id(3)] public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Declared GPU memory not held by running attempts on <see cref="Device"/>; null: not declared (or a CPU slot).</summary>
    [Id(4)] public double? FreeGpuMemoryGb { get; init; }

    /// <summary>The OpenMP threads a trial in this slot runs with; null: the library's default.</summary>
    [Id(5)] public int? Threads { get; init; }

    /// <summary>The node's declared memory of <see cref="Device"/> (<c>--gpu-memory-gb</c>); null: not declared.</summary>
    [Id(6)] public double? GpuMemoryGb { get; init; }

    /// <summary>
    /// Whether a trial with these placement needs may run here. On a device of declared size, a trial that declares
    /// no memory needs all of it: counting it as nothing would pack a slot's worth of them onto one GPU.
    /// </summary>
    public bool Fits(double? gpuMemoryGb, ImmutableSortedDictionary<string, string> labels) =>
        labels.All(l => Labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (FreeGpuMemoryGb is not { } free || (gpuMemoryGb ?? GpuMemoryGb ?? 0) <= free + 1e-9);
}
