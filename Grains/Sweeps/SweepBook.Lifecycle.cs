using System.Collections.Immutable;
using Sweep.Grains.Model;

namespace Sweep.Grains.Sweeps;

public sealed partial class SweepBook
{
    /// <summary>The end of an attempt; stale attempts change nothing (null).</summary>
    public TrialInfo? Finish(int number, int attempt, TrialOutcome o)
    {
        if (!IsCurrent(number, attempt, out var trial)) return null;
        trial = trial with { ExitCode = o.ExitCode, StderrTail = o.StderrTail, Metrics = o.Metrics };
        switch (o.Kind)
        {
            case TrialOutcomeKind.Complete when o.Value is { } v && double.IsFinite(v):
                Study.Tell(number, v);
                return Terminal(trial with { Value = v }, TrialStatus.Complete, null, null);
            case TrialOutcomeKind.Complete:
                var why = o.Value is null ? $"the trial ended without a value for metric '{Plan.MetricName}'" : $"metric '{Plan.MetricName}' is {o.Value}";
                Study.TellFailed(number, why);
                return Terminal(trial, TrialStatus.Failed, why, null);
            case TrialOutcomeKind.Pruned:
                Study.TellPruned(number);
                return Terminal(trial, TrialStatus.Pruned, null, null);
            case TrialOutcomeKind.Crashed when trial.Retries < Plan.Spec.Budget.MaxRetries:
                return Requeue(trial with { Retries = trial.Retries + 1, Error = o.Error });
            case TrialOutcomeKind.Killed when Info.Status == SweepStatus.Paused:
                return Requeue(trial);
            default:
                var error = o.Error ?? o.Kind.ToString().ToLowerInvariant();
                Study.TellFailed(number, error);
                return Terminal(trial, TrialStatus.Failed, error, null);
        }
    }

    /// <summary>Refreshes the runner's leases; returns its attempts that are no longer current.</summary>
    public ImmutableArray<TrialAttempt> Heartbeat(string runner, IEnumerable<TrialAttempt> running)
    {
        _liveRunners.Add(runner);
        var now = _clock();
        var kill = ImmutableArray.CreateBuilder<TrialAttempt>();
        foreach (var a in running)
            if (IsCurrent(a.Number, a.Attempt, out _) && _leases[a.Number].Runner == runner)
                _leases[a.Number] = new Lease(runner, now);
            else kill.Add(a);
        return kill.ToImmutable();
    }

    /// <summary>Running attempts whose runner went silent for <paramref name="leaseTimeout"/> go back to pending.</summary>
    public IReadOnlyList<TrialInfo> ExpireLeases(TimeSpan leaseTimeout)
    {
        var now = _clock();
        var expired = _leases.Where(kv => now - kv.Value.LastBeat > leaseTimeout).Select(kv => kv.Key).ToList();
        return [.. expired.Select(n => Requeue(_trials[n] with { Error = $"runner {_leases[n].Runner} stopped reporting" }))];
    }

    /// <summary>Drains the sweep when its wall-clock budget is spent; true when that happened now.</summary>
    public bool CheckTimeout()
    {
        if (Info.Status != SweepStatus.Running || Plan.Spec.Budget.Timeout is not { } limit || ActiveTime() < limit) return false;
        SetStatus(SweepStatus.Draining, $"timeout {limit} reached");
        return true;
    }

    public void Stop()
    {
        RequireNotCompleted("stop");
        if (Info.Status is SweepStatus.Running) SetStatus(SweepStatus.Draining, "stopped by user");
    }

    public IReadOnlyList<TrialInfo> Cancel()
    {
        RequireNotCompleted("cancel");
        var changed = RunningTrials().Select(t =>
        {
            Study.TellFailed(t.Number, "cancelled by user");
            return Terminal(t, TrialStatus.Failed, "cancelled by user", null);
        }).ToList();
        SetStatus(SweepStatus.Cancelled, "cancelled by user");
        return changed;
    }

    public IReadOnlyList<TrialInfo> Pause()
    {
        RequireNotCompleted("pause");
        SetStatus(SweepStatus.Paused, "paused by user");
        return [.. RunningTrials().Select(Requeue)];
    }

    /// <summary>Back to Running; attempts of runners not heard from since this book was loaded go back to pending.</summary>
    public IReadOnlyList<TrialInfo> Resume()
    {
        RequireNotCompleted("resume");
        var orphans = RunningTrials().Where(t => !_liveRunners.Contains(_leases[t.Number].Runner)).ToList();
        var changed = orphans.Select(t => Requeue(t with { Error = "its process ended before the sweep resumed" })).ToList();
        SetStatus(SweepStatus.Running, null);
        Settle();
        return changed;
    }

    /// <summary>The sweep record with the active time brought up to now, for persisting.</summary>
    public SweepInfo Snapshot() => Info with { ActiveTime = ActiveTime() };

    private TimeSpan ActiveTime() => Info.ActiveTime + (_runningSince is { } s ? _clock() - s : TimeSpan.Zero);

    private List<TrialInfo> RunningTrials() => [.. _trials.Where(t => t.Status == TrialStatus.Running)];

    private void RequireNotCompleted(string verb)
    {
        if (Info.Status == SweepStatus.Completed)
            throw new InvalidOperationException($"sweep {Info.Id} is completed ({Info.Finished} of {Info.MaxTrials} trials); there is nothing to {verb}");
    }

    private TrialInfo Requeue(TrialInfo trial)
    {
        _leases.Remove(trial.Number);
        trial = Put(trial with { Status = TrialStatus.Pending, Runner = null, FinishedUtc = null });
        _pending.AddFirst(trial.Number);
        Info = Recount(Info);
        return trial;
    }

    private TrialInfo Terminal(TrialInfo trial, TrialStatus status, string? error, int? exitCode)
    {
        _leases.Remove(trial.Number);
        trial = Put(trial with { Status = status, Error = error ?? (status == TrialStatus.Complete ? null : trial.Error), ExitCode = exitCode ?? trial.ExitCode, FinishedUtc = _clock() });
        Info = Recount(Info);
        Settle();
        return trial;
    }

    /// <summary>Moves to a resting state when the budget is spent, too many trials failed, or a drain has emptied.</summary>
    private void Settle()
    {
        if (Info.Finished >= Info.MaxTrials) SetStatus(SweepStatus.Completed, null);
        else if (Plan.Spec.Budget.MaxFailedTrials is { } maxFailed && Info.Failed > maxFailed && Info.Status == SweepStatus.Running)
            SetStatus(SweepStatus.Draining, $"{Info.Failed} trials failed (budget.maxFailedTrials is {maxFailed})");
        if (Info.Status == SweepStatus.Draining && Info.Running == 0)
            SetStatus(Info.Reason?.Contains("maxFailedTrials", StringComparison.Ordinal) == true ? SweepStatus.Failed : SweepStatus.Stopped, Info.Reason);
    }

    private void SetStatus(SweepStatus status, string? reason)
    {
        var wasActive = !Info.IsResting;
        var active = status is SweepStatus.Running or SweepStatus.Draining;
        if (wasActive && !active && _runningSince is { } s)
        {
            Info = Info with { ActiveTime = Info.ActiveTime + (_clock() - s) };
            _runningSince = null;
        }
        if (!wasActive && active) _runningSince = _clock();
        Info = Info with { Status = status, Reason = reason, FinishedUtc = status == SweepStatus.Completed ? _clock() : null };
        if (status == SweepStatus.Draining && Info.Running == 0) Settle();
    }

    private SweepInfo Recount(SweepInfo info)
    {
        int pending = 0, running = 0, complete = 0, pruned = 0, failed = 0;
        foreach (var t in _trials)
            switch (t.Status)
            {
                case TrialStatus.Pending: pending++; break;
                case TrialStatus.Running: running++; break;
                case TrialStatus.Complete: complete++; break;
                case TrialStatus.Pruned: pruned++; break;
                default: failed++; break;
            }
        var best = Study.BestTrial;
        return info with
        {
            Asked = _trials.Count, Pending = pending, Running = running, Complete = complete, Pruned = pruned, Failed = failed,
            BestTrial = best?.Number, BestValue = best?.Value,
        };
    }
}
