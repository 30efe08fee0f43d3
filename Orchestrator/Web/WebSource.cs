using Sweep.Orchestrator.Store;

namespace Sweep.Orchestrator.Web;

/// <summary>What the web host reads and drives: the stored sweeps (as the read verbs see them) and the sweep grains.</summary>
public sealed class WebSource
{
    /// <summary>A read-only view of the stored state; the caller disposes it.</summary>
    public required Func<SweepStore> OpenStore { get; init; }

    /// <summary>The silo's own grains, or a cluster client's.</summary>
    public required Func<IGrainFactory> Grains { get; init; }

    /// <summary>Whether a live process runs the sweeps (else running sweeps show as interrupted).</summary>
    public required Func<CancellationToken, Task<bool>> IsServedAsync { get; init; }

    /// <summary>Where this machine keeps trial folders (their logs); null: none here.</summary>
    public string? TrialsDirectory { get; init; }
}
