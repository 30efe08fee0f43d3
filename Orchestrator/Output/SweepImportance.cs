using Sweep.Grains.Model;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Importance;

namespace Sweep.Orchestrator.Output;

/// <summary>What a sweep's parameter importance is computed from, for the web page and <c>sweep report</c> alike.</summary>
public static class SweepImportance
{
    /// <summary>
    /// The complete search trials with a value, over the parameters of <paramref name="space"/>: a re-evaluation repeats
    /// a configuration the forest has already seen.
    /// </summary>
    public static List<ImportanceSample> Samples(IReadOnlyDictionary<string, Distribution> space, IEnumerable<TrialInfo> trials) =>
        [.. trials.Where(t => t is { Stage: TrialStage.Search, Status: TrialState.Complete, Value: not null })
                  .Select(t => new ImportanceSample(t.Params.Where(p => space.ContainsKey(p.Key)).ToDictionary(), t.Value!.Value))];
}
