using System.Collections.Immutable;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Running;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>The runner options of this node from the CLI flags.</summary>
internal static class RunnerSettings
{
    /// <summary>Slots per GPU when trials share GPUs by declared memory and <c>--slots-per-gpu</c> is not given.</summary>
    private const int SharedGpuSlots = 16;

    public static RunnerOptions From(SweepHome home, string? gpus, int? cpuSlots, int? slotsPerGpu, int defaultCpuSlots, string? labels = null,
                                     double? gpuMemoryGb = null)
    {
        if (cpuSlots is < 1) throw new UsageException($"--cpu-slots must be >= 1 (got {cpuSlots})");
        if (slotsPerGpu is < 1) throw new UsageException($"--slots-per-gpu must be >= 1 (got {slotsPerGpu})");
        if (gpuMemoryGb is { } g && !(g > 0 && double.IsFinite(g))) throw new UsageException($"--gpu-memory-gb must be > 0 (got {g})");
        return new RunnerOptions
        {
            Gpus = GpuDiscovery.Resolve(gpus),
            CpuSlots = cpuSlots ?? Math.Max(1, defaultCpuSlots),
            SlotsPerGpu = slotsPerGpu ?? (gpuMemoryGb is null ? 1 : SharedGpuSlots),
            GpuMemoryGb = gpuMemoryGb,
            TrialsDirectory = home.TrialsDirectory,
            Labels = ParseLabels(labels),
        };
    }

    /// <exception cref="UsageException">A pair is not key=value, or a key repeats.</exception>
    private static ImmutableSortedDictionary<string, string> ParseLabels(string? text)
    {
        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new UsageException($"--labels: '{pair}' is not key=value (e.g. gpu=a100,rack=3)");
            if (!labels.TryAdd(pair[..eq].Trim(), pair[(eq + 1)..].Trim())) throw new UsageException($"--labels: '{pair[..eq]}' is given twice");
        }
        return labels.ToImmutable();
    }
}
