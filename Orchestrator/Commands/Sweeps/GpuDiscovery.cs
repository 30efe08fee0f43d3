using System.Globalization;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// The GPUs a node offers: <c>--gpus</c> when given, else the NVIDIA device nodes (/dev/nvidiaN) filtered by
/// CUDA_VISIBLE_DEVICES. Found without loading CUDA, so a CPU-only silo never pays for torch.
/// </summary>
internal static class GpuDiscovery
{
    /// <exception cref="UsageException"><paramref name="option"/> is not a list of indices.</exception>
    public static IReadOnlyList<int> Resolve(string? option)
    {
        if (option is not null)
        {
            if (option.Trim() is "" or "none") return [];
            return [.. option.Split(',').Select(p => int.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                ? i : throw new UsageException($"--gpus: '{p}' is not a GPU index (expected e.g. 0,1)"))];
        }
        var present = Enumerable.Range(0, 64).Where(i => File.Exists($"/dev/nvidia{i}")).ToList();
        if (Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES") is { } visible)
            present = [.. visible.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).Where(present.Contains)];
        return present;
    }
}
