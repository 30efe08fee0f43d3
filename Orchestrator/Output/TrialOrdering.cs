using Sweep.Grains.Model;

namespace Sweep.Orchestrator.Output;

/// <summary>Sorts trials for <c>sweep trials --sort</c>: ties by number; trials without the key (no value, never started) last either way.</summary>
public static class TrialOrdering
{
    /// <summary>States in the order a trial moves through them.</summary>
    private static readonly TrialState[] Lifecycle = [TrialState.Pending, TrialState.Running, TrialState.Waiting, TrialState.Complete, TrialState.Pruned, TrialState.Failed, TrialState.Cancelled];

    public static IReadOnlyList<TrialInfo> Apply(IEnumerable<TrialInfo> trials, TrialOrder order, bool descending, DateTime now)
    {
        Func<TrialInfo, double?> key = order switch
        {
            TrialOrder.Value => t => t.Value,
            TrialOrder.Duration => t => Duration(t, now)?.TotalSeconds,
            TrialOrder.State => t => Array.IndexOf(Lifecycle, t.Status),
            _ => t => t.Number,
        };
        var keyed = trials.Select(t => (Trial: t, Key: key(t))).ToList();
        var present = keyed.Where(x => x.Key is not null);
        var sorted = descending ? present.OrderByDescending(x => x.Key).ThenBy(x => x.Trial.Number) : present.OrderBy(x => x.Key).ThenBy(x => x.Trial.Number);
        return [.. sorted.Concat(keyed.Where(x => x.Key is null).OrderBy(x => x.Trial.Number)).Select(x => x.Trial)];
    }

    /// <summary>Start to finish, or to <paramref name="now"/> while it runs; null before it started.</summary>
    public static TimeSpan? Duration(TrialInfo t, DateTime now) =>
        t.StartedUtc is { } s ? (t.FinishedUtc ?? (t.Status == TrialState.Running ? now : s)) - s : null;
}
