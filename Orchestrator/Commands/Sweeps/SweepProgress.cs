using Sweep.Grains.Model;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>One look at a followed sweep: its record, its trials (empty when not read), the time followed and the ETA.</summary>
internal sealed record SweepProgress(SweepInfo Sweep, IReadOnlyList<TrialInfo> Trials, TimeSpan Elapsed, TimeSpan? Eta)
{
    /// <summary>Trials still to finish that are not running: queued, or not yet asked of the sampler.</summary>
    public int Queued => Sweep.Status == SweepStatus.Draining ? 0 : Math.Max(0, Sweep.MaxTrials - Sweep.Finished - Sweep.Running);

    public string EtaText => Sweep.IsResting ? "-" : Eta is { } eta ? SweepWatcher.Format(eta) : "unknown";

    /// <summary>The log's periodic line: counts, best, time followed and ETA.</summary>
    public string SummaryLine() => $"{SweepWatcher.State(Sweep)} · queued {Queued} · {SweepWatcher.Format(Elapsed)} · ETA {EtaText}";

    /// <summary>The log's last line, once the sweep rests (or is no longer followed).</summary>
    public string FinalLine() => $"{SweepWatcher.State(Sweep)} · {SweepWatcher.Format(Elapsed)}";
}
