namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// A followed sweep in a log (stderr not a terminal, or <c>--no-live</c>): one line per trial event, a summary line
/// (counts, best, ETA) at most once per <see cref="SummaryInterval"/> so a log shows the sweep is alive without
/// repeating itself, and one last line when the sweep rests.
/// </summary>
internal sealed class SweepLogView(TextWriter error)
{
    private static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(30);

    private DateTime _lastSummary = DateTime.UtcNow;

    public void Show(SweepProgress progress, IReadOnlyList<TrialEvent> events)
    {
        foreach (var e in events) error.WriteLine(e.Text);
        var now = DateTime.UtcNow;
        if (now - _lastSummary < SummaryInterval) return;
        error.WriteLine(progress.SummaryLine());
        _lastSummary = now;
    }

    public void End(SweepProgress progress) => error.WriteLine(progress.FinalLine());
}
