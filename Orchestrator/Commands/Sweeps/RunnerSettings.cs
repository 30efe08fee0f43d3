using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Running;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>The runner options of this node from the CLI flags.</summary>
internal static class RunnerSettings
{
    public static RunnerOptions From(SweepHome home, string? gpus, int? cpuSlots, int slotsPerGpu, int defaultCpuSlots)
    {
        if (cpuSlots is < 1) throw new ArgumentException($"--cpu-slots must be >= 1 (got {cpuSlots})");
        if (slotsPerGpu < 1) throw new ArgumentException($"--slots-per-gpu must be >= 1 (got {slotsPerGpu})");
        return new RunnerOptions
        {
            Gpus = GpuDiscovery.Resolve(gpus),
            CpuSlots = cpuSlots ?? Math.Max(1, defaultCpuSlots),
            SlotsPerGpu = slotsPerGpu,
            TrialsDirectory = home.TrialsDirectory,
        };
    }
}
