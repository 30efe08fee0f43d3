using Sweep.Grains.Model;

namespace Sweep.Grains.Tests.Sweeps;

public sealed class SweepBookTests
{
    private readonly BookFixture _fx = new();

    [Fact]
    public void Next_respects_parallel_trials_and_the_trial_budget()
    {
        var book = _fx.New(BookFixture.Spec(maxTrials: 3, parallel: 2));
        var a = book.Next(BookFixture.Slot())!.Value;
        var b = book.Next(BookFixture.Slot())!.Value;
        Assert.Null(book.Next(BookFixture.Slot()));
        Assert.Equal((0, 1), (a.Trial.Number, b.Trial.Number));
        Assert.Equal(1, a.Assignment.Attempt);
        book.Finish(0, 1, BookFixture.Complete(2.0));
        var c = book.Next(BookFixture.Slot())!.Value;
        Assert.Equal(2, c.Trial.Number);
        book.Finish(1, 1, BookFixture.Complete(1.0));
        Assert.Null(book.Next(BookFixture.Slot()));
        book.Finish(2, 1, BookFixture.Complete(3.0));
        Assert.Equal(SweepStatus.Completed, book.Info.Status);
        Assert.Equal((3, 1, 1.0), (book.Info.Complete, book.Info.BestTrial!.Value, book.Info.BestValue!.Value));
    }

    [Fact]
    public void A_crash_is_retried_with_the_same_parameters_up_to_max_retries_then_fails()
    {
        var book = _fx.New(BookFixture.Spec(maxTrials: 1, parallel: 1, extraBudget: ", maxRetries: 2"));
        var first = book.Next(BookFixture.Slot())!.Value;
        var crash = new TrialOutcome { State = TrialState.Failed, Retryable = true, Error = "exit code 3" };
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Equal(TrialState.Pending, book.Finish(0, attempt, crash)!.Status);
            var again = book.Next(BookFixture.Slot())!.Value;
            Assert.Equal(first.Trial.Params, again.Trial.Params);
            Assert.Equal(attempt + 1, again.Assignment.Attempt);
        }
        var final = book.Finish(0, 3, crash)!;
        Assert.Equal((TrialState.Failed, "exit code 3; 3 attempts, no retries left (budget.maxRetries is 2)", 2), (final.Status, final.Error, final.Retries));
        Assert.Equal(SweepStatus.Failed, book.Info.Status);
    }

    [Fact]
    public void Stale_attempts_are_ignored_and_told_to_die()
    {
        var book = _fx.New(BookFixture.Spec());
        book.Next(BookFixture.Slot());
        Assert.Null(book.Finish(0, 2, BookFixture.Complete(1)));
        Assert.Equal(ReportDecision.Kill, book.Report(0, 2, 1, 5.0).Decision);
        Assert.Equal(ReportDecision.Kill, book.Report(7, 1, 1, 5.0).Decision);
        Assert.Equal(new TrialAttempt(0, 9), Assert.Single(book.Heartbeat("r1", [new TrialAttempt(0, 1), new TrialAttempt(0, 9)])));
    }

    [Fact]
    public void Stop_drains_then_rests_as_stopped_and_resume_continues()
    {
        var book = _fx.New(BookFixture.Spec(maxTrials: 4, parallel: 2));
        book.Next(BookFixture.Slot());
        book.Stop();
        Assert.Equal(SweepStatus.Draining, book.Info.Status);
        Assert.Null(book.Next(BookFixture.Slot()));
        book.Finish(0, 1, BookFixture.Complete(1));
        Assert.Equal(SweepStatus.Stopped, book.Info.Status);
        book.Resume();
        Assert.Equal(1, book.Next(BookFixture.Slot())!.Value.Trial.Number);
    }

    [Fact]
    public void Cancel_fails_running_trials_and_pause_puts_them_back_to_pending()
    {
        var book = _fx.New(BookFixture.Spec(maxTrials: 4, parallel: 2));
        book.Next(BookFixture.Slot());
        book.Next(BookFixture.Slot());
        var paused = book.Pause();
        Assert.All(paused, t => Assert.Equal(TrialState.Pending, t.Status));
        Assert.Null(book.Next(BookFixture.Slot()));
        book.Resume();
        var again = book.Next(BookFixture.Slot())!.Value;
        Assert.Equal(2, again.Assignment.Attempt);
        var cancelled = book.Cancel();
        Assert.Equal("cancelled by user", Assert.Single(cancelled).Error);
        Assert.Equal(SweepStatus.Cancelled, book.Info.Status);
    }

    [Fact]
    public void Too_many_failures_fail_the_sweep()
    {
        var book = _fx.New(BookFixture.Spec(maxTrials: 10, parallel: 1, extraBudget: ", maxFailedTrials: 1"));
        var fail = new TrialOutcome { State = TrialState.Failed, Error = "boom" };
        book.Next(BookFixture.Slot());
        book.Finish(0, 1, fail);
        Assert.Equal(SweepStatus.Running, book.Info.Status);
        book.Next(BookFixture.Slot());
        book.Finish(1, 1, fail);
        Assert.Equal(SweepStatus.Failed, book.Info.Status);
        Assert.Contains("maxFailedTrials", book.Info.Reason);
    }

    [Fact]
    public void A_complete_result_without_the_metric_fails_with_the_metric_named()
    {
        var book = _fx.New(BookFixture.Spec());
        book.Next(BookFixture.Slot());
        var t = book.Finish(0, 1, new TrialOutcome { State = TrialState.Complete })!;
        Assert.Equal((TrialState.Failed, "the trial ended without a value for metric 'value'"), (t.Status, t.Error));
    }

    [Fact]
    public void Leases_expire_back_to_pending_and_a_reloaded_book_requeues_orphans_on_resume()
    {
        var spec = BookFixture.Spec(maxTrials: 4, parallel: 2);
        var book = _fx.New(spec);
        book.Next(BookFixture.Slot("old"));
        book.Next(BookFixture.Slot("old"));
        book.Finish(1, 1, BookFixture.Complete(4.0));
        _fx.Now += TimeSpan.FromSeconds(10);
        Assert.Empty(book.ExpireLeases(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(6)));
        _fx.Now += TimeSpan.FromSeconds(31);
        Assert.Equal(0, Assert.Single(book.ExpireLeases(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(6))).Number);

        var again = _fx.New(spec);
        again.Next(BookFixture.Slot("old"));
        again.Finish(0, 1, BookFixture.Complete(2.0));
        again.Next(BookFixture.Slot("old"));
        var reloaded = _fx.Load(spec, again.Snapshot(), again.Trials);
        Assert.Equal((2, 1, 1), (reloaded.Info.Asked, reloaded.Info.Complete, reloaded.Info.Running));
        Assert.Equal(0, reloaded.Info.BestTrial);
        var requeued = Assert.Single(reloaded.Resume());
        Assert.Equal((1, TrialState.Pending), (requeued.Number, requeued.Status));
        Assert.Equal(1, reloaded.Next(BookFixture.Slot("new"))!.Value.Trial.Number);
    }

    [Fact]
    public void Pruning_finalises_the_trial_at_the_decision()
    {
        var book = _fx.New(BookFixture.Spec(maxTrials: 8, parallel: 1, pruner: "median, startupTrials: 1, warmupSteps: 0"));
        book.Next(BookFixture.Slot());
        book.Report(0, 1, 1, 1.0);
        book.Finish(0, 1, BookFixture.Complete(1.0));
        book.Next(BookFixture.Slot());
        var (decision, changed) = book.Report(1, 1, 1, 50.0);
        Assert.Equal(ReportDecision.Prune, decision);
        Assert.Equal(TrialState.Pruned, changed!.Status);
        Assert.Null(book.Finish(1, 1, BookFixture.Complete(50.0)));
        Assert.Equal(1, book.Info.Pruned);
    }
}
