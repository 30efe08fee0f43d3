using Sweep.Grains.Model;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// Turns successive looks at a sweep's stored trials into trial events. The watcher only sees states, not
/// transitions: a trial that started and finished between two looks still gets its started and its final event, in
/// that order, and an attempt that went back to the queue and started again shows as requeued, then started.
/// Trials that had finished before <paramref name="since"/> (a resumed sweep's history) are not told again.
/// </summary>
internal sealed class TrialEventTracker(DateTime since)
{
    private readonly Dictionary<int, (int Attempt, TrialState Status)> _seen = [];
    private double? _best;

    /// <summary>The events since the last look, oldest first.</summary>
    public IReadOnlyList<TrialEvent> Update(SweepInfo sweep, IEnumerable<TrialInfo> trials)
    {
        var found = new List<(int Number, TrialEventKind Kind, DateTime At, TrialInfo Trial)>();
        foreach (var t in trials.OrderBy(t => t.Number))
        {
            var known = _seen.TryGetValue(t.Number, out var prev);
            _seen[t.Number] = (t.Attempt, t.Status);
            if (!known)
            {
                if (t.IsFinished && t.FinishedUtc < since)
                {
                    if (t.Status == TrialState.Complete) Better(sweep.Goal, t.Value);
                    continue;
                }
                if (t.Attempt > 0 && t.Status != TrialState.Pending) found.Add((t.Number, TrialEventKind.Started, Started(t), t));
            }
            else if (t.Attempt > prev.Attempt)
            {
                // The attempt seen running ended and another began (or is queued) since the last look.
                if (prev.Status == TrialState.Running) found.Add((t.Number, TrialEventKind.Requeued, Started(t).AddTicks(-1), t));
                if (t.Status != TrialState.Pending) found.Add((t.Number, TrialEventKind.Started, Started(t), t));
            }
            else if (prev.Status == TrialState.Running && t.Status == TrialState.Pending)
                found.Add((t.Number, TrialEventKind.Requeued, DateTime.UtcNow, t));
            if (t.IsFinished && !(known && IsFinished(prev.Status)))
                found.Add((t.Number, Final(t.Status), t.FinishedUtc ?? DateTime.UtcNow, t));
        }
        // Stable: a trial's own events keep their order when their times tie.
        return [.. found.OrderBy(e => e.At).Select(e => new TrialEvent(e.Number, e.Kind, e.At, Text(sweep, e.Kind, e.Trial)))];
    }

    private string Text(SweepInfo sweep, TrialEventKind kind, TrialInfo t) => kind switch
    {
        TrialEventKind.Started => $"trial {t.Number} started on node {t.Node ?? "-"} slot {t.Device ?? "-"}" + (t.Attempt > 1 ? $" (attempt {t.Attempt})" : ""),
        TrialEventKind.Requeued => $"trial {t.Number} requeued: {OneLine(sweep.Status == SweepStatus.Paused ? sweep.Reason : t.Error) ?? "its attempt was given back"}",
        TrialEventKind.Complete => $"trial {t.Number} complete: {SweepViews.Number(t.Value)}" + (Better(sweep.Goal, t.Value) ? " (best so far)" : ""),
        TrialEventKind.Pruned => t.Intermediate.IsEmpty
            ? $"trial {t.Number} pruned"
            : $"trial {t.Number} pruned at step {t.LastStep} (value {SweepViews.Number(t.Intermediate.Values.Last())})",
        _ => $"trial {t.Number} failed: {OneLine(t.Error) ?? "no reason given"}",
    };

    /// <summary>Whether <paramref name="value"/> beats every complete trial told so far; it becomes the best if so.</summary>
    private bool Better(StudyDirection goal, double? value)
    {
        if (value is not { } v || _best is { } b && (goal == StudyDirection.Maximize ? v <= b : v >= b)) return false;
        _best = v;
        return true;
    }

    private static DateTime Started(TrialInfo t) => t.StartedUtc ?? DateTime.UtcNow;

    private static bool IsFinished(TrialState s) => s is TrialState.Complete or TrialState.Pruned or TrialState.Failed;

    private static TrialEventKind Final(TrialState s) => s switch
    {
        TrialState.Complete => TrialEventKind.Complete,
        TrialState.Pruned => TrialEventKind.Pruned,
        _ => TrialEventKind.Failed,
    };

    /// <summary>A reason on one line: a log line per event, whatever the trial's stderr held.</summary>
    private static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
