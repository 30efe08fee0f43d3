using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class AshaPrunerTests
{
    private static Study NewStudy(AshaOptions options, int? maxSteps = null, bool pause = false) =>
        new(new SearchSpace([new Parameter("x", new FloatDistribution(0, 1))]), StudyDirection.Minimize, new RandomSampler(0),
            new AshaPruner(options), new StudyOptions { MaxSteps = maxSteps, SupportsPause = pause });

    [Fact]
    public void Without_pausing_it_prunes_where_optunas_successive_halving_prunes()
    {
        var runs = GoldenData.Root.GetProperty("sequential").EnumerateArray().Where(r => r.GetProperty("pruner").GetString() == "sha").ToList();
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            var c = run.GetProperty("config");
            var pruner = new AshaPruner(new AshaOptions
            {
                MinResource = c.GetProperty("min_resource").GetInt32(),
                ReductionFactor = c.GetProperty("eta").GetInt32(),
                MinEarlyStoppingRate = c.GetProperty("rate").GetInt32(),
            });
            Assert.Equal(SequentialGolden.Expected(run), SequentialGolden.Run(run, pruner));
        }
    }

    [Theory]
    [InlineData(2, 3, 1, 100, 6)] // explicit: 2·3^1
    [InlineData(null, 4, 0, 1000, 10)] // auto from the max-steps hint: 1000 / 100
    [InlineData(null, 4, 2, 1000, 160)] // the rate skips two rungs: 10·4^2
    [InlineData(null, 4, 0, 27, 1)] // auto never goes below 1
    public void The_first_rung_sits_at_min_resource_times_eta_to_the_rate(int? minResource, int eta, int rate, int maxSteps, int firstRung)
    {
        var study = NewStudy(new AshaOptions { MinResource = minResource, ReductionFactor = eta, MinEarlyStoppingRate = rate }, maxSteps);
        var runner = new CurveRunner(study).AddAll(Enumerable.Range(0, eta).Select(_ => Curves.Constant(1.0, maxSteps)));
        var bad = runner.Add(Curves.Constant(5.0, maxSteps));
        Assert.Equal(firstRung, bad.LastStep);
        Assert.Equal(TrialState.Pruned, bad.State);
    }

    [Fact]
    public void Learned_min_resource_comes_from_the_first_complete_trials_last_step()
    {
        var study = NewStudy(new AshaOptions { ReductionFactor = 2 });
        var runner = new CurveRunner(study);
        var first = runner.Add(Curves.Constant(1.0, 250));
        Assert.Equal(TrialState.Complete, first.State);
        runner.Add(Curves.Constant(1.0, 250));
        // 250 / 100 = 2: rungs at 2, 4, 8, ...; a trial worse from step 3 on survives rung 2 and is pruned at 4.
        var worse = Curves.Constant(1.0, 250);
        for (var s = 2; s < worse.Length; s++) worse[s] = 3.0;
        Assert.Equal(4, runner.Add(worse).LastStep);
    }

    [Theory]
    [InlineData(4, 1.5, PruneDecision.Continue)] // n=8, top 2: {1, 1.5}
    [InlineData(4, 2.5, PruneDecision.Prune)] // top 2 is {1, 2}
    [InlineData(2, 2.5, PruneDecision.Continue)] // n=8, top 4: {1, 2, 2.5, 3}
    [InlineData(2, 4.5, PruneDecision.Prune)]
    public void A_trial_goes_on_only_in_the_top_n_over_eta_of_its_rung(int eta, double value, PruneDecision expected)
    {
        // Max steps 2: one rung at step 1 (the next, η, is at or past the end).
        var runner = new CurveRunner(NewStudy(new AshaOptions { MinResource = 1, ReductionFactor = eta }, maxSteps: 2));
        foreach (var v in new[] { 1.0, 2, 3, 4, 5, 6, 7 }) runner.Add([v, v]);
        var t = runner.Study.Ask();
        Assert.Equal(expected, runner.Study.Report(t.Number, 1, value));
    }

    [Fact]
    public void The_first_arrivals_at_a_rung_must_be_the_best_so_far_when_the_caller_cannot_pause()
    {
        var runner = new CurveRunner(NewStudy(new AshaOptions { MinResource = 1, ReductionFactor = 4 }, maxSteps: 2));
        runner.AddAll([[2.0, 2.0], [1.0, 1.0]]);
        Assert.Equal(TrialState.Complete, runner.Study.Get(1).State);
        var t = runner.Add([1.5, 1.5]);
        Assert.Equal(TrialState.Pruned, t.State);
    }

    [Fact]
    public void A_trial_past_the_top_rung_runs_to_its_end()
    {
        // η=4, max 16: rungs at 1 and 4 only.
        var runner = new CurveRunner(NewStudy(new AshaOptions { MinResource = 1, ReductionFactor = 4 }, maxSteps: 16));
        runner.AddAll(Enumerable.Range(0, 4).Select(_ => Curves.Constant(1.0, 16)));
        var late = Curves.Constant(1.0, 16);
        for (var s = 4; s < 16; s++) late[s] = 50.0; // worse from step 5: no rung there
        var t = runner.Add(late);
        Assert.Equal(TrialState.Complete, t.State);
        Assert.All(runner.DecisionsOf(t.Number), d => Assert.Equal(PruneDecision.Continue, d.Outcome));
    }
}
