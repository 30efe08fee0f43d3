using System.Text.Json;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>Replays a "sequential" golden run: each trial reports steps 0.. until pruned, as the script did with Optuna.</summary>
internal static class SequentialGolden
{
    public static List<int?> Expected(JsonElement run) =>
        run.GetProperty("pruned_at").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (int?)null : e.GetInt32()).ToList();

    public static List<int?> Run(JsonElement run, IPruner pruner)
    {
        var direction = GoldenData.Direction(run.GetProperty("direction"));
        var sign = direction == StudyDirection.Maximize ? -1.0 : 1.0;
        var study = new Study(new SearchSpace([new Parameter("x", new FloatDistribution(0, 1))]), direction, new RandomSampler(0), pruner);
        var prunedAt = new List<int?>();
        foreach (var curve in run.GetProperty("curves").EnumerateArray().Select(GoldenData.Numbers))
        {
            var t = study.Ask();
            int? stop = null;
            for (var s = 0; s < curve.Length && stop is null; s++)
                if (study.Report(t.Number, s, sign * curve[s]) == PruneDecision.Prune) stop = s;
            if (stop is null) study.Tell(t.Number, sign * curve[^1]); // a NaN value fails the trial, as in the script
            else study.TellPruned(t.Number);
            prunedAt.Add(stop);
        }
        return prunedAt;
    }
}
