using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>
/// Behaviour every pruner owes its callers, checked on the real <see cref="Study"/>. A derived class per pruner
/// configuration supplies <see cref="Create"/> and describes the rules it has (startup trials, warm-up, pausing).
/// </summary>
public abstract class PrunerContract
{
    protected const int Steps = 9;

    protected abstract IPruner Create(StudyOptions options);

    /// <summary>The configuration pauses when the caller supports it.</summary>
    protected virtual bool SupportsPause => false;

    /// <summary>False for a pruner that never stops a trial.</summary>
    protected virtual bool Stops => true;

    /// <summary>Complete trials needed before the first prune (0 = no startup rule).</summary>
    protected virtual int StartupTrials => 0;

    protected virtual int WarmupSteps => 0;

    private StudyOptions Options(bool? pause = null) => new() { SupportsPause = pause ?? SupportsPause, MaxSteps = Steps };

    private Study NewStudy(StudyDirection direction = StudyDirection.Minimize, StudyOptions? options = null)
    {
        options ??= Options();
        return new Study(new SearchSpace([new Parameter("x", new FloatDistribution(0, 1))]), direction,
            new RandomSampler(3), Create(options), options);
    }

    private static bool IsStop(PruneDecision d) => d != PruneDecision.Continue;

    [Fact]
    public void Never_prunes_before_the_startup_trials_complete()
    {
        if (StartupTrials == 0) return;
        var runner = new CurveRunner(NewStudy());
        runner.AddAll(Curves.Random(1, StartupTrials - 1, Steps));
        // Trials in flight together, one far worse than the others; none of them has completed.
        var flying = Enumerable.Range(0, 4).Select(_ => runner.Study.Ask()).ToList();
        for (var step = 1; step <= Steps; step++)
            foreach (var t in flying)
                Assert.Equal(PruneDecision.Continue, runner.Study.Report(t.Number, step, t.Number == flying[0].Number ? 100 : 0.5));
    }

    [Fact]
    public void Never_stops_before_the_warmup_and_stops_a_clearly_worse_curve()
    {
        var runner = new CurveRunner(NewStudy()).AddAll(Curves.Random(2, Math.Max(StartupTrials, 10), Steps));
        var bad = Enumerable.Range(0, 5).Select(_ => runner.Add(Curves.Constant(100, Steps)).Number).ToList();
        var decisions = runner.Log.Where(d => bad.Contains(d.Trial)).ToList();
        Assert.DoesNotContain(decisions, d => d.Step < WarmupSteps && IsStop(d.Outcome));
        Assert.Equal(Stops, decisions.Any(d => IsStop(d.Outcome)));
    }

    [Fact]
    public void A_clearly_best_curve_is_never_pruned_and_completes()
    {
        var runner = new CurveRunner(NewStudy()).AddAll(Curves.Random(4, Math.Max(StartupTrials, 10), Steps, 0.5, 1.0));
        var best = runner.Add(Curves.Decay(0.0, 0.1, 2, Steps));
        Assert.DoesNotContain(runner.DecisionsOf(best.Number), d => d.Outcome == PruneDecision.Prune);
        Assert.Equal(TrialState.Complete, best.State);
        Assert.Equal(Steps, best.LastStep);
    }

    [Fact]
    public void A_lone_trial_runs_to_its_end()
    {
        // Nothing to compare with: a pruner that pauses must promote it again, since nothing else runs.
        var runner = new CurveRunner(NewStudy());
        var trial = runner.Add(Curves.Decay(0.5, 1.0, 2, Steps));
        Assert.DoesNotContain(runner.Log, d => d.Outcome == PruneDecision.Prune);
        Assert.Equal(TrialState.Complete, trial.State);
        Assert.Equal(Steps, trial.LastStep);
    }

    [Fact]
    public void Identical_curves_are_never_pruned()
    {
        var curve = Curves.Decay(0.3, 0.5, 2, Steps);
        var runner = new CurveRunner(NewStudy()).AddAll(Enumerable.Repeat<IReadOnlyList<double>>(curve, 12)).Finish();
        Assert.DoesNotContain(runner.Log, d => d.Outcome == PruneDecision.Prune);
        Assert.All(runner.Study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void The_same_history_gives_the_same_decisions()
    {
        List<Decision> Run() => new CurveRunner(NewStudy()).AddAll(Curves.Random(5, 25, Steps)).Finish().Log;
        var first = Run();
        Assert.Equal(first, Run());

        var runner = new CurveRunner(NewStudy()).AddAll(Curves.Random(5, 25, Steps));
        var t = runner.Study.Ask();
        var reported = runner.Study.Report(t.Number, 1, 0.9);
        Assert.Equal(reported, runner.Study.Pruner.Decide(runner.Study, t));
        Assert.Equal(reported, runner.Study.Pruner.Decide(runner.Study, t));
    }

    [Fact]
    public void NaN_reports_are_pruned_without_exceptions()
    {
        var runner = new CurveRunner(NewStudy()).AddAll(Curves.Random(6, Math.Max(StartupTrials, 10), Steps));
        var nan = Enumerable.Range(0, 4).Select(_ => runner.Add(Curves.Constant(double.NaN, Steps)).Number).ToList();
        var decisions = runner.Log.Where(d => nan.Contains(d.Trial)).ToList();
        Assert.DoesNotContain(decisions, d => d.Outcome == PruneDecision.Pause);
        Assert.Equal(Stops, decisions.Any(d => d.Outcome == PruneDecision.Prune));

        var gap = Curves.Decay(0.4, 0.5, 2, Steps);
        gap[3] = double.NaN;
        var survivor = runner.Add(gap);
        Assert.True(survivor.IsFinished || survivor.State == TrialState.Waiting);
    }

    [Fact]
    public void Pause_is_never_returned_when_the_caller_cannot_pause()
    {
        var runner = new CurveRunner(NewStudy(options: Options(pause: false))).AddAll(Curves.Random(7, 40, Steps));
        Assert.DoesNotContain(runner.Log, d => d.Outcome == PruneDecision.Pause);
        Assert.Empty(runner.Study.Pruner.Promotions(runner.Study));
    }

    [Fact]
    public void Paused_trials_are_promoted_or_the_study_finishes_with_trials_in_flight()
    {
        var study = NewStudy();
        var curves = Curves.Random(8, 40, Steps);
        curves[15] = Curves.Decay(0.0, 0.1, 2, Steps); // clearly the best
        var runner = new CurveRunner(study);
        var next = 0;
        var running = new List<TrialRecord>();
        var reports = 0;
        while (true)
        {
            // Fill three slots: promotions first (ASHA), then new trials while the budget lasts.
            foreach (var n in study.Promotions())
            {
                if (running.Count == 3) break;
                study.Resume(n);
                running.Add(study.Get(n));
            }
            while (running.Count < 3 && next < curves.Count)
            {
                var t = study.Ask();
                runner.Track(t, curves[next++]);
                running.Add(t);
            }
            if (running.Count == 0) break;
            foreach (var t in running.ToList())
            {
                var step = (t.LastStep ?? 0) + 1;
                var d = study.Report(t.Number, step, curves[t.Number][step - 1]);
                reports++;
                if (d == PruneDecision.Prune && step < Steps) study.TellPruned(t.Number);
                else if (step == Steps && d != PruneDecision.Pause) study.Tell(t.Number, curves[t.Number][^1]);
                if (t.State != TrialState.Running) running.Remove(t);
            }
            Assert.True(reports <= 40 * Steps, "the study keeps resuming trials beyond every step of every curve");
        }
        runner.Finish();
        Assert.All(study.Trials, t => Assert.True(t.IsFinished));
        Assert.Equal(TrialState.Complete, study.Get(15).State);
    }

    [Fact]
    public void Minimize_and_maximize_give_mirrored_decisions()
    {
        var curves = Curves.Random(9, 30, Steps);
        var min = new CurveRunner(NewStudy(StudyDirection.Minimize)).AddAll(curves).Finish();
        var max = new CurveRunner(NewStudy(StudyDirection.Maximize)).AddAll(curves.Select(Curves.Negate)).Finish();
        Assert.Equal(min.Log, max.Log);
        Assert.Equal(min.Study.Trials.Select(t => t.State), max.Study.Trials.Select(t => t.State));
    }
}
