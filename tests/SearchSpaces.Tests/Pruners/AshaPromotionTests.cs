using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>ASHA when the caller can pause: who pauses, who is promoted, and in which order.</summary>
public sealed class AshaPromotionTests
{
    // η=2 and 8 steps: rungs at steps 1, 2 and 4.
    private static Study NewStudy() =>
        new(new SearchSpace([new Parameter("x", new FloatDistribution(0, 1))]), StudyDirection.Minimize, new RandomSampler(0),
            new AshaPruner(new AshaOptions { MinResource = 1, ReductionFactor = 2 }), new StudyOptions { MaxSteps = 8, SupportsPause = true });

    private static PruneDecision Report(Study study, TrialRecord trial, params double[] valuesFromNextStep)
    {
        var d = PruneDecision.Continue;
        foreach (var v in valuesFromNextStep) d = study.Report(trial.Number, (trial.LastStep ?? 0) + 1, v);
        return d;
    }

    [Fact]
    public void Paused_trials_are_promoted_highest_rung_first_then_best_value_first()
    {
        var study = NewStudy();
        study.Ask(); // trial 0 stays running without reports, so nothing is promoted just because the search is idle
        var rung1 = new[] { 1.0, 2, 3, 4 }.Select(v =>
        {
            var t = study.Ask();
            Assert.Equal(PruneDecision.Pause, Report(study, t, v)); // n < η, then outside the top ⌊n/η⌋
            return t;
        }).ToList();
        Assert.Equal([1, 2], study.Promotions());

        study.Resume(1);
        Assert.Equal(PruneDecision.Pause, Report(study, study.Get(1), 10)); // first at rung 2
        study.Resume(2);
        Assert.Equal(PruneDecision.Pause, Report(study, study.Get(2), 20));
        Assert.Equal([1], study.Promotions()); // top 1 of {10, 20} at rung 2; at rung 1 trial 3 (3.0) is outside the top 2

        var t5 = study.Ask();
        Assert.Equal(PruneDecision.Pause, Report(study, t5, 0.5, 5, 5, 5)); // passes rungs 1 and 2, first at rung 4
        Assert.Empty(study.Promotions()); // rung 2 now {5, 10, 20}: trial 1 fell out of the top 1

        var t6 = study.Ask();
        Assert.Equal(PruneDecision.Pause, Report(study, t6, 2.5));
        var t7 = study.Ask();
        Assert.Equal(PruneDecision.Pause, Report(study, t7, 0.8, 30)); // rung 2 {5, 10, 20, 30}: top 2 brings trial 1 back
        for (var i = 0; i < 5; i++) Assert.Equal(PruneDecision.Pause, Report(study, study.Ask(), 9));

        // Rung 1 has 12 arrivals: top 6 = {0.5, 0.8, 1, 2, 2.5, 3}, so trials 6 (2.5) and 3 (3.0) may go on too.
        Assert.Equal([1, 6, 3], study.Promotions());
        Assert.Equal(TrialState.Waiting, rung1[3].State);
    }

    [Fact]
    public void When_nothing_runs_the_best_first_arrivals_of_a_rung_are_promoted()
    {
        var study = NewStudy();
        var blocker = study.Ask();
        var t = study.Ask();
        Assert.Equal(PruneDecision.Pause, Report(study, t, 1.0));
        Assert.Empty(study.Promotions());
        study.TellPruned(blocker.Number);
        Assert.Equal([t.Number], study.Promotions());

        var worse = study.Ask();
        Assert.Equal(PruneDecision.Pause, Report(study, worse, 2.0));
        Assert.Equal([t.Number], study.Promotions()); // only the best of a rung with fewer than η arrivals
    }

    [Fact]
    public void A_resumed_trial_is_judged_again_only_at_the_next_rung()
    {
        var study = NewStudy();
        var t = study.Ask();
        Assert.Equal(PruneDecision.Pause, Report(study, t, 1.0));
        study.Resume(t.Number);
        Assert.Equal(PruneDecision.Pause, Report(study, t, 1.0)); // step 2 is rung 2
        study.Resume(t.Number);
        Assert.Equal(PruneDecision.Continue, Report(study, t, 1.0)); // step 3: no rung
        Assert.Equal(PruneDecision.Pause, Report(study, t, 1.0)); // step 4: rung 4
        study.Resume(t.Number);
        Assert.Equal(PruneDecision.Continue, Report(study, t, 1, 1, 1, 1)); // 8 is the max resource: no rung
    }

    [Fact]
    public void A_NaN_at_a_rung_is_pruned_not_paused()
    {
        var study = NewStudy();
        Assert.Equal(PruneDecision.Prune, Report(study, study.Ask(), double.NaN));
    }
}
