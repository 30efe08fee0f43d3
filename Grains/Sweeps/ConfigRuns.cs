using System.Collections.Immutable;
using Sweep.Grains.Model;

namespace Sweep.Grains.Sweeps;

/// <summary>
/// The complete runs of one configuration (its search trial and any re-evaluations): their mean, sample standard
/// deviation and seeds. <see cref="Trial"/> is the search trial that stands for the configuration.
/// </summary>
public sealed record ConfigRuns(int Trial, ImmutableArray<int> Trials, ImmutableArray<int> Seeds, double Mean, double? Sd, bool Reevaluated)
{
    public int Count => Trials.Length;

    /// <summary>Every configuration with at least one complete run, keyed by <see cref="KeyOf"/>.</summary>
    public static IReadOnlyDictionary<string, ConfigRuns> Of(IEnumerable<TrialInfo> trials)
    {
        var result = new Dictionary<string, ConfigRuns>(StringComparer.Ordinal);
        foreach (var group in trials.GroupBy(KeyOf, StringComparer.Ordinal))
        {
            var runs = group.Where(t => t.Status == TrialState.Complete && t.Value is not null).OrderBy(t => t.Number).ToList();
            if (runs.Count == 0) continue;
            var values = runs.Select(t => t.Value!.Value).ToList();
            var mean = values.Average();
            double? sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : null;
            var reevaluated = group.Where(t => t.Stage == TrialStage.Reevaluation).ToList();
            // The search trial the stage re-ran, else the configuration's best run.
            var trial = reevaluated.FirstOrDefault()?.Reevaluates ?? runs.OrderBy(t => t.Value).ThenBy(t => t.Number).First().Number;
            result[group.Key] = new ConfigRuns(trial, [.. runs.Select(t => t.Number)], [.. runs.Where(t => t.Seed is not null).Select(t => t.Seed!.Value)],
                                               mean, sd, reevaluated.Count > 0);
        }
        return result;
    }

    /// <summary>A configuration's identity: its parameter values as written (the seed is not a parameter).</summary>
    public static string KeyOf(TrialInfo t) => string.Join("\n", t.Values.Select(v => v.Name + "=" + v.Json));
}
