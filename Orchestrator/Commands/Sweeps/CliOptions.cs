using System.CommandLine;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>Options shared by the sweep verbs.</summary>
internal static class CliOptions
{
    public static Option<string?> Home() => new("--home")
    {
        Description = "Home directory: state (sweep.db), trial folders, silo address. Default: ./.sweep",
    };

    public static Option<OutputFormat> Format(OutputFormat fallback = OutputFormat.Table) => new("--format", "-f")
    {
        Description = "Output format on stdout: table, json or yaml.",
        DefaultValueFactory = _ => fallback,
    };

    /// <summary>The file <see cref="CliOutput"/> writes instead of stdout.</summary>
    public static Option<string?> Output() => new("--output", "-o") { Description = "Write to this file instead of stdout." };

    public static Argument<string> SweepId() => new("id") { Description = "The sweep id (see `sweep list`)." };

    public static Option<string?> Gpus() => new("--gpus")
    {
        Description = "GPU indices this node runs trials on, e.g. 0,1 (default: the visible NVIDIA devices; none = CPU slots).",
    };

    public static Option<int?> CpuSlots() => new("--cpu-slots")
    {
        Description = "Trials at once on CPU when there are no GPUs (default: the spec's parallelTrials, or the core count).",
    };

    public static Option<string?> Labels() => new("--labels")
    {
        Description = "Labels of this node, key=value pairs separated by commas (e.g. gpu=a100,rack=3); shown by `sweep nodes`.",
    };

    public static Option<int?> SlotsPerGpu() => new("--slots-per-gpu")
    {
        Description = "Trials at once per GPU. Default: 1, or up to 16 when --gpu-memory-gb lets trials share a GPU by their trial.gpuMemoryGb.",
    };
}
