using Sweep.Grains.Model;

namespace Sweep.Grains.Sweeps;

/// <summary>
/// How a sweep ranks configurations: by single runs while it searches (what re-evaluation picks its top from), by
/// the mean over every run of the re-evaluated configurations once re-evaluation is done.
/// </summary>
public static class ConfigRanking
{
    /// <summary>
    /// The search trials of the <paramref name="top"/> best distinct configurations, best first (ties: the lower
    /// number), from complete search trials only.
    /// </summary>
    public static IReadOnlyList<int> Top(IEnumerable<TrialInfo> trials, StudyDirection goal, int top)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var complete = trials.Where(t => t.Stage == TrialStage.Search && t.Status == TrialState.Complete && t.Value is not null);
        var ordered = goal == StudyDirection.Minimize
            ? complete.OrderBy(t => t.Value!.Value).ThenBy(t => t.Number)
            : complete.OrderByDescending(t => t.Value!.Value).ThenBy(t => t.Number);
        return [.. ordered.Where(t => seen.Add(ConfigRuns.KeyOf(t))).Take(top).Select(t => t.Number)];
    }

    /// <summary>The re-evaluated configuration with the best mean (ties: the lower search trial), or null when none has a run.</summary>
    public static ConfigRuns? BestMean(IEnumerable<TrialInfo> trials, StudyDirection goal)
    {
        var reevaluated = ConfigRuns.Of(trials).Values.Where(c => c.Reevaluated);
        var ordered = goal == StudyDirection.Minimize
            ? reevaluated.OrderBy(c => c.Mean).ThenBy(c => c.Trial)
            : reevaluated.OrderByDescending(c => c.Mean).ThenBy(c => c.Trial);
        return ordered.FirstOrDefault();
    }
}
