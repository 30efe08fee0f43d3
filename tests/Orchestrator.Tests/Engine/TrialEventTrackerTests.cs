using Sweep.Grains.Model;
using Sweep.Orchestrator.Commands.Sweeps;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// The watcher sees stored states, not transitions: what happened between two looks must still be told in full and
/// in order.
/// </summary>
public sealed class TrialEventTrackerTests
{
    private static readonly DateTime T0 = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);

    private static readonly SweepInfo Sweep = new()
    {
        Id = "s", Name = "s", SpecText = "", SpecFile = "", Status = SweepStatus.Running, MaxTrials = 4, Goal = StudyDirection.Maximize,
    };

    private static TrialInfo Trial(int number, TrialState state, int attempt, int startedAt, int? finishedAt = null, double? value = null) => new()
    {
        SweepId = "s", Number = number, Status = state, Attempt = attempt, Node = "a", Device = $"cpu:{number}", Value = value,
        StartedUtc = T0.AddSeconds(startedAt), FinishedUtc = finishedAt is { } f ? T0.AddSeconds(f) : null,
    };

    [Fact]
    public void A_trial_that_started_and_ended_between_two_looks_gets_both_lines_in_time_order()
    {
        var tracker = new TrialEventTracker(T0);
        Assert.Empty(tracker.Update(Sweep, []));
        var events = tracker.Update(Sweep, [Trial(0, TrialState.Complete, 1, 1, 5, 0.5), Trial(1, TrialState.Complete, 1, 2, 3, 0.9)]);
        Assert.Equal(
            ["trial 0 started on node a slot cpu:0", "trial 1 started on node a slot cpu:1", "trial 1 complete: 0.9 (best so far)", "trial 0 complete: 0.5"],
            events.Select(e => e.Text));
        Assert.Empty(tracker.Update(Sweep, [Trial(0, TrialState.Complete, 1, 1, 5, 0.5), Trial(1, TrialState.Complete, 1, 2, 3, 0.9)]));
    }

    [Fact]
    public void An_attempt_given_back_and_started_again_is_requeued_then_started()
    {
        var tracker = new TrialEventTracker(T0);
        Assert.Equal(["trial 2 started on node a slot cpu:2"], tracker.Update(Sweep, [Trial(2, TrialState.Running, 1, 1)]).Select(e => e.Text));
        var retried = Trial(2, TrialState.Running, 2, 8) with { Error = "runner r stopped reporting during attempt 1" };
        Assert.Equal(
            ["trial 2 requeued: runner r stopped reporting during attempt 1", "trial 2 started on node a slot cpu:2 (attempt 2)"],
            tracker.Update(Sweep, [retried]).Select(e => e.Text));
        var failed = retried with { Status = TrialState.Failed, FinishedUtc = T0.AddSeconds(9), Error = "exit code 3\nTraceback" };
        Assert.Equal(["trial 2 failed: exit code 3 Traceback"], tracker.Update(Sweep, [failed]).Select(e => e.Text));
    }

    [Fact]
    public void Trials_that_ended_before_the_watch_began_are_history_but_set_the_best()
    {
        var tracker = new TrialEventTracker(T0.AddSeconds(10));
        Assert.Empty(tracker.Update(Sweep, [Trial(0, TrialState.Complete, 1, 1, 5, 0.8)]));
        var pruned = Trial(1, TrialState.Pruned, 1, 11, 14) with { Intermediate = System.Collections.Immutable.ImmutableSortedDictionary<int, double>.Empty.Add(3, 0.2).Add(4, 0.25) };
        Assert.Equal(
            ["trial 1 started on node a slot cpu:1", "trial 1 pruned at step 4 (value 0.25)", "trial 2 started on node a slot cpu:2", "trial 2 complete: 0.7"],
            tracker.Update(Sweep, [Trial(0, TrialState.Complete, 1, 1, 5, 0.8), pruned, Trial(2, TrialState.Complete, 1, 15, 20, 0.7)]).Select(e => e.Text));
    }
}
