using Sweep.Grains.Model;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// When a followed sweep should end: the trials left (max trials less those finished) at the throughput one slot has
/// shown (the mean run time of the finished trials), over the slots seen busy at once, less the time the running
/// trials have already put in. Null (unknown) until a trial has finished.
/// </summary>
internal sealed class SweepEta
{
    private int _slots;

    public TimeSpan? Estimate(SweepInfo sweep, IReadOnlyList<TrialInfo> trials, DateTime now)
    {
        _slots = Math.Max(_slots, sweep.Running);
        if (sweep.IsResting) return TimeSpan.Zero;
        var runs = trials.Where(t => t.IsFinished && t.StartedUtc is not null && t.FinishedUtc is not null)
            .Select(t => Math.Max(0, (t.FinishedUtc!.Value - t.StartedUtc!.Value).TotalSeconds)).ToList();
        if (runs.Count == 0 || _slots == 0) return null;
        var perTrial = runs.Average();
        // A draining sweep starts nothing new: only its running trials are left.
        var left = sweep.Status == SweepStatus.Draining ? sweep.Running : Math.Max(0, sweep.MaxTrials - sweep.Finished);
        if (left == 0) return TimeSpan.Zero;
        var done = trials.Where(t => t.Status == TrialState.Running && t.StartedUtc is not null)
            .Sum(t => Math.Clamp((now - t.StartedUtc!.Value).TotalSeconds, 0, perTrial));
        // The last few trials cannot spread over more slots than there are trials.
        return TimeSpan.FromSeconds(Math.Max(0, left * perTrial - done) / Math.Min(_slots, left));
    }
}
