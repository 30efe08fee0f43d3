using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>The re-evaluation stage of <see cref="SweepBook"/>: when it starts, what it runs, how it ranks, how it resumes.</summary>
public sealed class ReevaluationBookTests
{
    private readonly BookFixture _fx = new();

    private static string Spec(int maxTrials = 4, int parallel = 1, string pruner = "none", string extra = "") =>
        BookFixture.Spec(maxTrials, parallel, $", reevaluate: {{ top: 2, seeds: 2 }}{extra}", pruner);

    /// <summary>Runs the next trial to the end with <paramref name="value"/>; returns it as started.</summary>
    private static TrialInfo Run(SweepBook book, double value)
    {
        var (assignment, trial) = book.Next(BookFixture.Slot())!.Value;
        book.Finish(trial.Number, assignment.Attempt, BookFixture.Complete(value));
        return trial;
    }

    [Fact]
    public void The_stage_starts_when_the_search_is_spent_and_reruns_the_top_distinct_configs_on_fresh_seeds()
    {
        var book = _fx.New(Spec(parallel: 4));
        var search = new[] { 5.0, 1.0, 3.0, 2.0 }.Select(v => Run(book, v)).ToList();
        Assert.All(search, t => Assert.Equal((TrialStage.Search, book.Info.Seed), (t.Stage, t.Seed)));
        Assert.Equal(1, book.Info.BestTrial);   // the best single run (the mean ranks once the stage is done)
        Assert.Equal((SweepStatus.Running, 4, 8), (book.Info.Status, book.Info.Reevaluations, book.Info.MaxTrials));

        var stage = Enumerable.Range(0, 4).Select(_ => book.Next(BookFixture.Slot())!.Value).ToList();
        Assert.Null(book.Next(BookFixture.Slot()));                 // 4 + 2×2 trials in all
        Assert.Equal([1, 1, 3, 3], stage.Select(s => s.Trial.Reevaluates!.Value));   // best first: trial 1 (1.0), then trial 3 (2.0)
        Assert.All(stage, s => Assert.Equal(TrialStage.Reevaluation, s.Trial.Stage));
        Assert.All(stage, s => Assert.Equal(book.Trials[s.Trial.Reevaluates!.Value].Params, s.Trial.Params));
        var seeds = stage.Select(s => s.Trial.Seed!.Value).Append(book.Info.Seed!.Value).ToList();
        Assert.Equal(seeds.Count, seeds.Distinct().Count());         // fresh: none repeats the search's or another's
        Assert.All(stage, s => Assert.Equal(s.Trial.Seed, s.Assignment.Seed));
        Assert.All(stage, s => Assert.Contains($"seed={s.Trial.Seed}", s.Assignment.Settings));
        Assert.All(stage, s => Assert.Contains($"\"seed\":{s.Trial.Seed}", s.Assignment.ParamsJson, StringComparison.Ordinal));
    }

    [Fact]
    public void Once_every_rerun_finished_the_best_is_the_config_with_the_best_mean_not_the_luckiest_run()
    {
        var book = _fx.New(Spec());
        foreach (var v in new[] { 5.0, 1.0, 3.0, 2.0 }) Run(book, v);
        // Trial 1 (1.0) was lucky: its re-runs give 4 and 4 (mean 3); trial 3 (2.0) re-runs at 2 and 2 (mean 2).
        foreach (var v in new[] { 4.0, 4.0 }) Run(book, v);
        Assert.Equal((1, 1.0, false), (book.Info.BestTrial, book.Info.BestValue, book.Info.RankedByMean));   // not done: still single runs
        Run(book, 2.0);
        Run(book, 2.0);
        Assert.Equal(SweepStatus.Completed, book.Info.Status);
        Assert.Equal((3, 2.0, 3, 0.0, true), (book.Info.BestTrial, book.Info.BestValue, book.Info.BestRuns, book.Info.BestSd, book.Info.RankedByMean));
        var runs = ConfigRuns.Of(book.Trials)[ConfigRuns.KeyOf(book.Trials[1])];
        Assert.Equal((3, 3.0, Math.Sqrt(3.0)), (runs.Count, runs.Mean, runs.Sd!.Value));
    }

    [Fact]
    public void Without_reevaluate_nothing_changes_and_search_trials_still_get_the_sweep_seed()
    {
        var book = _fx.New(BookFixture.Spec(maxTrials: 2, parallel: 1));
        var t = Run(book, 1.0);
        Run(book, 2.0);
        Assert.Equal((SweepStatus.Completed, 0, 2, 3), (book.Info.Status, book.Info.Reevaluations, book.Info.MaxTrials, book.Info.Seed));
        Assert.Equal(3, t.Seed);   // the sampler's seed
    }

    [Fact]
    public void The_pruner_never_judges_a_rerun()
    {
        var book = _fx.New(Spec(maxTrials: 3, pruner: "median, startupTrials: 0, warmupSteps: 0, minTrials: 1"));
        for (var n = 0; n < 3; n++)
        {
            var (a, t) = book.Next(BookFixture.Slot())!.Value;
            book.Report(t.Number, a.Attempt, 1, n);   // the search's median pruner is active: trial 2 (worst at step 1) is pruned
            if (book.Trials[t.Number].Status == TrialState.Running) book.Finish(t.Number, a.Attempt, BookFixture.Complete(n));
        }
        Assert.Equal(TrialState.Pruned, book.Trials[2].Status);
        var (ra, rt) = book.Next(BookFixture.Slot())!.Value;
        Assert.Equal(TrialStage.Reevaluation, rt.Stage);
        var (decision, changed) = book.Report(rt.Number, ra.Attempt, 1, 1000.0);   // far worse than every search trial at step 1
        Assert.Equal(ReportDecision.Continue, decision);
        Assert.Equal(TrialState.Running, changed!.Status);
    }

    [Fact]
    public void A_failed_rerun_is_retried_with_its_seed()
    {
        var book = _fx.New(Spec(extra: ", maxRetries: 1"));
        foreach (var v in new[] { 5.0, 1.0, 3.0, 2.0 }) Run(book, v);
        var (a, t) = book.Next(BookFixture.Slot())!.Value;
        var crash = new TrialOutcome { State = TrialState.Failed, Retryable = true, Error = "exit code 137" };
        Assert.Equal(TrialState.Pending, book.Finish(t.Number, a.Attempt, crash)!.Status);
        var (again, retried) = book.Next(BookFixture.Slot())!.Value;
        Assert.Equal((t.Number, t.Seed, 2), (retried.Number, retried.Seed, again.Attempt));
    }

    [Fact]
    public void A_stop_at_the_end_of_the_search_rests_stopped_and_resume_starts_the_stage()
    {
        var book = _fx.New(Spec(maxTrials: 2));
        Run(book, 1.0);
        var (a, t) = book.Next(BookFixture.Slot())!.Value;
        book.Stop();
        book.Finish(t.Number, a.Attempt, BookFixture.Complete(2.0));
        Assert.Equal((SweepStatus.Stopped, 0), (book.Info.Status, book.Info.Reevaluations));
        book.Resume();
        Assert.Equal((SweepStatus.Running, 4), (book.Info.Status, book.Info.Reevaluations));
        Assert.Equal(TrialStage.Reevaluation, book.Next(BookFixture.Slot())!.Value.Trial.Stage);
    }

    [Fact]
    public void A_book_rebuilt_mid_stage_keeps_finished_reruns_and_continues_the_same_list()
    {
        var spec = Spec();
        var book = _fx.New(spec);
        foreach (var v in new[] { 5.0, 1.0, 3.0, 2.0 }) Run(book, v);
        var first = Run(book, 4.0);
        var (_, running) = book.Next(BookFixture.Slot())!.Value;   // in flight when the process dies

        var reloaded = _fx.Load(spec, book.Snapshot(), book.Trials);
        Assert.Equal(TrialState.Complete, reloaded.Trials[first.Number].Status);
        reloaded.Resume();
        var (again, rerun) = reloaded.Next(BookFixture.Slot())!.Value;
        Assert.Equal((running.Number, running.Seed, 2), (rerun.Number, rerun.Seed, again.Attempt));
        reloaded.Finish(rerun.Number, again.Attempt, BookFixture.Complete(4.0));
        var rest = Enumerable.Range(0, 2).Select(_ => Run(reloaded, 2.0)).ToList();
        Assert.Equal([3, 3], rest.Select(t => t.Reevaluates!.Value));
        Assert.Null(reloaded.Next(BookFixture.Slot()));
        Assert.Equal((SweepStatus.Completed, 3, 8), (reloaded.Info.Status, reloaded.Info.BestTrial!.Value, reloaded.Info.Finished));
    }

    [Fact]
    public void Duplicate_configs_count_once_among_the_top()
    {
        var spec = BookFixture.Spec(4, 1, ", reevaluate: { top: 2, seeds: 1 }").Replace(
            "x1: { type: float, low: -5, high: 10 }", "x1: { type: categorical, choices: [1.0] }", StringComparison.Ordinal)
            .Replace("x2: { type: float, low: 0, high: 15 }", "x2: { type: categorical, choices: [1.0, 2.0] }", StringComparison.Ordinal);
        var book = _fx.New(spec);
        var trials = new[] { 1.0, 2.0, 3.0, 4.0 }.Select(v => Run(book, v)).ToList();
        var distinct = trials.Select(ConfigRuns.KeyOf).Distinct().Count();
        Assert.Equal(Math.Min(2, distinct), book.Info.Reevaluations);
    }

    [Fact]
    public void A_method_rerun_keeps_the_search_data_seed_and_changes_only_the_training_seed()
    {
        const string spec = """
            apiVersion: sweep/v1
            name: m
            metric: { name: val_top1, goal: maximize }
            sampler: { type: random, seed: 3 }
            budget: { maxTrials: 1, reevaluate: { top: 1, seeds: 1 } }
            parameters:
              lr: { type: float, low: 0.001, high: 0.01, log: true }
            trial:
              method: tmkt
              epochs: 1
            """;
        var book = _fx.New(spec);
        var (searchAssignment, search) = book.Next(BookFixture.Slot())!.Value;
        Assert.Contains("seed=3", searchAssignment.Settings);
        Assert.DoesNotContain(searchAssignment.Settings, s => s.StartsWith("dataset.seed=", StringComparison.Ordinal));
        book.Finish(search.Number, searchAssignment.Attempt, BookFixture.Complete(0.5));
        var (rerun, trial) = book.Next(BookFixture.Slot())!.Value;
        Assert.Contains($"seed={trial.Seed}", rerun.Settings);
        Assert.Contains("dataset.seed=3", rerun.Settings);
        Assert.NotEqual(3, trial.Seed);
    }

    [Theory]
    [InlineData("", "run.sh", false)]
    [InlineData(", reevaluate: { top: 1, seeds: 2 }", "run.sh", true)]
    [InlineData("", "run.sh ${seed}", true)]
    public void A_command_gets_its_seed_as_an_argument_only_when_the_sweep_reevaluates_or_asks_for_it(string budget, string command, bool passed)
    {
        // A user's program may refuse arguments it does not know; SWEEP_SEED carries the seed in every case.
        var spec = BookFixture.Spec(extraBudget: budget).Replace("function: branin", $"command: \"{command}\"", StringComparison.Ordinal);
        var (assignment, _) = _fx.New(spec).Next(BookFixture.Slot())!.Value;
        Assert.NotNull(assignment.Seed);
        var seedInArguments = assignment.Settings.Any(s => s.StartsWith("seed=", StringComparison.Ordinal))
                              || assignment.Target.Contains(assignment.Seed!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(passed, seedInArguments);
        Assert.Equal(passed, assignment.ParamsJson.Contains("\"seed\"", StringComparison.Ordinal));
    }
}
