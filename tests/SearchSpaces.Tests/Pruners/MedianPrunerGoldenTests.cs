using System.Text.Json;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>MedianPruner against decisions computed by Optuna 3.1's own PercentilePruner (golden/make_golden.py).</summary>
public sealed class MedianPrunerGoldenTests
{
    private static readonly SearchSpace Space = new([new Parameter("x", new FloatDistribution(0, 1))]);

    [Fact]
    public void Decisions_on_a_fixed_history_match_optuna()
    {
        var table = GoldenData.Root.GetProperty("median_table");
        var configs = table.GetProperty("configs").EnumerateArray().Select(Options).ToArray();
        var queries = table.GetProperty("queries").EnumerateArray().Select(GoldenData.Numbers).ToArray();
        var cases = table.GetProperty("cases").EnumerateArray().ToArray();
        var checkedCases = 0;
        foreach (var group in cases.GroupBy(c => (c[0].GetString()!, c[1].GetInt32(), c[2].GetInt32())))
        {
            var (direction, config, query) = group.Key;
            var sign = direction == "maximize" ? -1.0 : 1.0;
            var study = History(table.GetProperty("history"), GoldenData.Direction(group.First()[0]), configs[config], sign);
            var trial = study.Ask();
            var values = queries[query];
            foreach (var c in group.OrderBy(c => c[3].GetInt32()))
            {
                var k = c[3].GetInt32();
                // Steps start at 0 as in the script; report k is step k-1.
                var decision = study.Report(trial.Number, k - 1, sign * values[k - 1]);
                var expected = c[4].GetInt32() == 1 ? PruneDecision.Prune : PruneDecision.Continue;
                Assert.True(expected == decision, $"{direction}, config {config}, query {query}, {k} reports: expected {expected}, got {decision}");
                checkedCases++;
            }
        }
        Assert.Equal(cases.Length, checkedCases);
        Assert.Contains(cases, c => c[4].GetInt32() == 1);
        Assert.Contains(cases, c => c[4].GetInt32() == 0);
    }

    [Fact]
    public void Sequential_studies_prune_where_optuna_prunes()
    {
        var runs = GoldenData.Root.GetProperty("sequential").EnumerateArray().Where(r => r.GetProperty("pruner").GetString() == "median").ToList();
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            var pruner = new MedianPruner(Options(run.GetProperty("config")));
            Assert.Equal(SequentialGolden.Expected(run), SequentialGolden.Run(run, pruner));
        }
    }

    private static MedianPrunerOptions Options(JsonElement c) => new()
    {
        StartupTrials = c.GetProperty("startup").GetInt32(),
        WarmupSteps = c.GetProperty("warmup").GetInt32(),
        IntervalSteps = c.GetProperty("interval").GetInt32(),
        MinTrials = c.GetProperty("min_trials").GetInt32(),
    };

    /// <summary>Rebuilds the script's history (complete, pruned, running trials) in a real study.</summary>
    private static Study History(JsonElement history, StudyDirection direction, MedianPrunerOptions options, double sign)
    {
        var study = new Study(Space, direction, new RandomSampler(0), new MedianPruner(options));
        foreach (var h in history.EnumerateArray())
        {
            var t = study.Ask();
            var values = GoldenData.Numbers(h.GetProperty("values"));
            for (var s = 0; s < values.Length; s++) study.Report(t.Number, s, sign * values[s]);
            switch (h.GetProperty("state").GetString())
            {
                case "complete": study.Tell(t.Number, sign * GoldenData.Number(h.GetProperty("value"))); break;
                case "pruned": study.TellPruned(t.Number); break;
            }
        }
        return study;
    }
}
