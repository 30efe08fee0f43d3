using System.Collections.Immutable;
using System.Diagnostics;
using Sweep.Grains.Model;
using Sweep.Grains.Telemetry;
using Sweep.SearchSpaces;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Grains.Sweeps;

/// <summary>
/// The bookkeeping of one sweep, without Orleans: the study, every trial's record, the pending queue and the leases
/// of running attempts. Each change returns the trial records to persist; <see cref="Info"/> is the sweep record.
/// Not thread-safe: its grain calls it one turn at a time.
/// </summary>
public sealed class SweepBook
{
    private readonly List<TrialInfo> _trials = [];
    private readonly LinkedList<int> _pending = new();
    /// <summary>Retries of an attempt whose runner was lost, whatever <c>budget.maxRetries</c> says.</summary>
    public const int LostRunnerRetries = 2;

    private readonly Dictionary<int, Lease> _leases = [];
    private readonly HashSet<string> _liveRunners = new(StringComparer.Ordinal);
    private readonly Func<DateTime> _clock;
    private readonly string _samplerName;
    private DateTime? _runningSince;
    private IReadOnlyList<int>? _reevaluated;

    public SweepBook(SweepPlan plan, SweepInfo info, IEnumerable<TrialInfo> trials, Func<DateTime> clock)
    {
        Plan = plan;
        Study = plan.NewStudy();
        _clock = clock;
        _samplerName = plan.Spec.Sampler.Kind.ToString().ToLowerInvariant();
        foreach (var t in trials.OrderBy(t => t.Number))
        {
            if (t.Number != _trials.Count) throw new InvalidOperationException($"sweep {info.Id}: trial {_trials.Count} is missing from storage");
            // Re-evaluation trials come after every search trial, so the study's numbers still match the book's.
            if (t.Stage == TrialStage.Search) Study.Import(t.Params, t.Intermediate, StudyState(t.Status), t.Value, t.Error);
            _trials.Add(t);
            if (t.Status == TrialState.Pending) _pending.AddLast(t.Number);
            if (t.Status == TrialState.Running) _leases[t.Number] = new Lease(t.Runner ?? "", clock(), Confirmed: false);
        }
        Info = Recount(info);
        if (!Info.IsResting) _runningSince = clock();
        if (info.SamplerState is { } sampler) Study.Sampler.RestoreState(Convert.FromBase64String(sampler));
    }

    public SweepPlan Plan { get; }
    public Study Study { get; }
    public SweepInfo Info { get; private set; }
    public IReadOnlyList<TrialInfo> Trials => _trials;

    public static SweepInfo NewInfo(string id, SweepPlan plan, string specFile, DateTime now) => new()
    {
        Id = id,
        Name = plan.Spec.Name,
        SpecText = plan.SpecText,
        SpecFile = specFile,
        Status = SweepStatus.Running,
        CreatedUtc = now,
        MaxTrials = plan.Spec.Budget.MaxTrials,
        MetricName = plan.MetricName,
        Goal = plan.Goal,
        Seed = TrialSeeds.ForSweep(plan.Spec.Sampler.Seed),
    };

    /// <summary>Starts an attempt for <paramref name="slot"/> when the sweep runs and has room; else null.</summary>
    public (TrialAssignment Assignment, TrialInfo Trial)? Next(RunnerSlot slot)
    {
        if (Info.Status != SweepStatus.Running || Info.Running >= Plan.Spec.Budget.ParallelTrials) return null;
        if (!slot.Fits(Plan.Spec.Trial.GpuMemoryGb, Plan.Spec.Trial.Labels)) return null;
        TrialInfo trial;
        if (_pending.First is { } first)
        {
            _pending.RemoveFirst();
            trial = _trials[first.Value];
        }
        else if (_trials.Count < Plan.Spec.Budget.MaxTrials)
        {
            var asking = Stopwatch.GetTimestamp();
            var record = Study.Ask();
            SweepMetrics.AskTook(Info.Id, _samplerName, asking);
            trial = new TrialInfo
            {
                SweepId = Info.Id,
                Number = record.Number,
                Params = record.Params.ToImmutableSortedDictionary(StringComparer.Ordinal),
                Values = Plan.Values(record.Params),
                CreatedUtc = _clock(),
                Enqueued = Study.IsEnqueued(record.Number),
                Seed = Info.Seed,
            };
            _trials.Add(trial);
        }
        else if (_trials.Count < Info.MaxTrials && Info.Reevaluations > 0)
        {
            trial = NewReevaluation();
            _trials.Add(trial);
        }
        else return null;
        var now = _clock();
        trial = Put(trial with
        {
            Status = TrialState.Running, Attempt = trial.Attempt + 1, Node = slot.Node, Device = slot.Device, Runner = slot.Runner, Threads = slot.Threads,
            StartedUtc = now, FinishedUtc = null, ExitCode = null,
        });
        _leases[trial.Number] = new Lease(slot.Runner, now, Confirmed: true);
        _liveRunners.Add(slot.Runner);
        Info = Recount(Info);
        return (Plan.Assign(trial, trial.Stage == TrialStage.Reevaluation ? Info.Seed : null), trial);
    }

    /// <summary>
    /// The next trial of the re-evaluation stage: trial <c>maxTrials + j</c> re-runs the <c>j / seeds</c>-th best
    /// configuration of the search on a fresh seed. The order is fixed by the finished search, so a rebuilt book
    /// continues the same list.
    /// </summary>
    private TrialInfo NewReevaluation()
    {
        var seeds = Plan.Spec.Budget.Reevaluate!.Seeds;
        _reevaluated ??= ConfigRanking.Top(_trials, Plan.Goal, Plan.Spec.Budget.Reevaluate.Top);
        var source = _trials[_reevaluated[(_trials.Count - Plan.Spec.Budget.MaxTrials) / seeds]];
        var used = _trials.Where(t => t.Seed is not null).Select(t => t.Seed!.Value).Append(Info.Seed ?? 0).ToHashSet();
        return new TrialInfo
        {
            SweepId = Info.Id,
            Number = _trials.Count,
            Params = source.Params,
            Values = source.Values,
            CreatedUtc = _clock(),
            Stage = TrialStage.Reevaluation,
            Seed = TrialSeeds.Fresh(Info.Seed ?? 0, _trials.Count, used),
            Reevaluates = source.Number,
        };
    }

    /// <summary>Records an intermediate value; the trial record to persist comes back with the decision.</summary>
    public (ReportDecision Decision, TrialInfo? Changed) Report(int number, int attempt, int step, double value)
    {
        if (!IsCurrent(number, attempt, out var trial)) return (ReportDecision.Kill, null);
        _leases[number] = _leases[number] with { LastBeat = _clock(), Confirmed = true };
        if (Info.Status is SweepStatus.Paused or SweepStatus.Cancelled) return (ReportDecision.Kill, null);
        // A restarted attempt repeats steps it already reported: only new steps count.
        if (!double.IsFinite(value) || step <= trial.LastStep
                                    || trial.Stage == TrialStage.Search && Study.Get(number).LastStep is { } last && step <= last)
            return (ReportDecision.Continue, null);
        // The pruner judges the search only: a re-evaluation run is a measurement, carried to its end.
        var decision = trial.Stage == TrialStage.Search ? Study.Report(number, step, value) : PruneDecision.Continue;
        trial = trial with { Intermediate = trial.Intermediate.SetItem(step, value) };
        if (decision == PruneDecision.Prune)
        {
            Study.TellPruned(number);
            return (ReportDecision.Prune, Terminal(trial, TrialState.Pruned, null));
        }
        return (ReportDecision.Continue, Put(trial));
    }

    /// <summary>The end of an attempt; stale attempts change nothing (null).</summary>
    public TrialInfo? Finish(int number, int attempt, TrialOutcome o)
    {
        if (!IsCurrent(number, attempt, out var trial)) return null;
        trial = trial with { ExitCode = o.ExitCode, StderrTail = o.StderrTail, Metrics = o.Metrics };
        switch (o.State)
        {
            case TrialState.Complete when o.Value is { } v && double.IsFinite(v):
                if (trial.Stage == TrialStage.Search) Study.Tell(number, v);
                return Terminal(trial with { Value = v }, TrialState.Complete, null);
            case TrialState.Complete:
                return Fail(trial, o.Value is null ? $"the trial ended without a value for metric '{Plan.MetricName}'" : $"metric '{Plan.MetricName}' is {o.Value}");
            case TrialState.Pruned:
                if (trial.Stage == TrialStage.Search) Study.TellPruned(number);
                return Terminal(trial, TrialState.Pruned, null);
            case TrialState.Failed when o.Retryable:
                return RetryOrFail(trial, o.Error ?? "the attempt died without a result");
            case TrialState.Cancelled when Info.Status == SweepStatus.Paused:
                return Requeue(trial);
            default:
                return Fail(trial, o.Error ?? (o.State == TrialState.Cancelled ? "cancelled" : "failed without a reason"));
        }
    }

    /// <summary>
    /// A runner gives an attempt back unfinished (its silo is draining): the trial goes back to pending at the front of
    /// the queue without using a retry. Null when the attempt is no longer current (nothing changes).
    /// </summary>
    public TrialInfo? Release(int number, int attempt, string why) =>
        IsCurrent(number, attempt, out var trial) ? Requeue(trial with { Error = why }) : null;

    /// <summary>Refreshes the runner's leases; returns its attempts that are no longer current.</summary>
    public ImmutableArray<TrialAttempt> Heartbeat(string runner, IEnumerable<TrialAttempt> running)
    {
        _liveRunners.Add(runner);
        var now = _clock();
        var kill = ImmutableArray.CreateBuilder<TrialAttempt>();
        foreach (var a in running)
            if (IsCurrent(a.Number, a.Attempt, out _) && _leases[a.Number].Runner == runner)
                _leases[a.Number] = new Lease(runner, now, Confirmed: true);
            else kill.Add(a);
        return kill.ToImmutable();
    }

    /// <summary>
    /// Running attempts whose runner went silent for <paramref name="leaseTimeout"/> (killed, out of memory, cut off)
    /// count as failed attempts: back to pending while <c>budget.maxRetries</c> allows, else the trial fails. Attempts
    /// this book found running when it was rebuilt from storage, and whose runner has not beaten since, expire after
    /// <paramref name="rejoinTimeout"/>: a live runner beats within seconds.
    /// </summary>
    public IReadOnlyList<TrialInfo> ExpireLeases(TimeSpan leaseTimeout, TimeSpan rejoinTimeout)
    {
        var now = _clock();
        var expired = _leases.Where(kv => now - kv.Value.LastBeat > (kv.Value.Confirmed ? leaseTimeout : TimeSpan.FromTicks(Math.Min(leaseTimeout.Ticks, rejoinTimeout.Ticks)))).Select(kv => (kv.Key, kv.Value.Runner)).ToList();
        return [.. expired.Select(e => RetryOrFail(_trials[e.Key], $"runner {e.Runner} stopped reporting during attempt {_trials[e.Key].Attempt}", LostRunnerRetries))];
    }

    /// <summary>
    /// Trials still running <c>budget.drainGrace</c> after the sweep's timeout drained it: they fail, and their runners
    /// stop them at the next heartbeat (the attempts are no longer current).
    /// </summary>
    public IReadOnlyList<TrialInfo> StopOverdue()
    {
        if (Info is not { Status: SweepStatus.Draining, Cause: SweepRestCause.Timeout } || Plan.Spec.Budget.Timeout is not { } limit
            || ActiveTime() < limit + Plan.Spec.Budget.DrainGrace) return [];
        var why = $"stopped: budget.timeout ({DurationFormat.Format(limit)}) was reached and budget.drainGrace ({DurationFormat.Format(Plan.Spec.Budget.DrainGrace)}) has passed";
        return [.. RunningTrials().Select(t => Fail(t, why))];
    }

    /// <summary>Drains the sweep when its wall-clock budget is spent; true when that happened now.</summary>
    public bool CheckTimeout()
    {
        if (Info.Status != SweepStatus.Running || Plan.Spec.Budget.Timeout is not { } limit || ActiveTime() < limit) return false;
        SetStatus(SweepStatus.Draining, SweepRestCause.Timeout, $"timeout {limit} reached");
        return true;
    }

    public void Stop()
    {
        RequireNotCompleted("stop");
        if (Info.Status is SweepStatus.Running) SetStatus(SweepStatus.Draining, SweepRestCause.StoppedByUser, "stopped by user");
    }

    public IReadOnlyList<TrialInfo> Cancel()
    {
        RequireNotCompleted("cancel");
        var changed = RunningTrials().Select(t => Fail(t, "cancelled by user")).ToList();
        SetStatus(SweepStatus.Cancelled, SweepRestCause.CancelledByUser, "cancelled by user");
        return changed;
    }

    public IReadOnlyList<TrialInfo> Pause()
    {
        RequireNotCompleted("pause");
        SetStatus(SweepStatus.Paused, SweepRestCause.PausedByUser, "paused by user");
        return [.. RunningTrials().Select(Requeue)];
    }

    /// <summary>
    /// The state could not be written (disk full): stop handing out work and stop running trials, as a pause does, so
    /// that nothing runs whose results cannot be kept. Nothing is lost: what was written stays, and resume continues.
    /// </summary>
    public IReadOnlyList<TrialInfo> PauseForFullDisk(string where)
    {
        if (Info.IsResting) return [];
        SetStatus(SweepStatus.Paused, SweepRestCause.DiskFull, $"{where}; free space, then `sweep resume {Info.Id}`");
        return [.. RunningTrials().Select(Requeue)];
    }

    /// <summary>Back to Running; attempts of runners not heard from since this book was loaded go back to pending.</summary>
    public IReadOnlyList<TrialInfo> Resume()
    {
        RequireNotCompleted("resume");
        var orphans = RunningTrials().Where(t => !_liveRunners.Contains(_leases[t.Number].Runner)).ToList();
        var changed = orphans.Select(t => Requeue(t with { Error = "its process ended before the sweep resumed" })).ToList();
        SetStatus(SweepStatus.Running, SweepRestCause.None, null);
        Settle();
        return changed;
    }

    /// <summary>The sweep record with the active time brought up to now, for persisting.</summary>
    public SweepInfo Snapshot() => Info with
    {
        ActiveTime = ActiveTime(),
        SamplerState = Study.Sampler.SaveState() is { } state ? Convert.ToBase64String(state) : null,
    };

    private TimeSpan ActiveTime() => Info.ActiveTime + (_runningSince is { } s ? _clock() - s : TimeSpan.Zero);

    private List<TrialInfo> RunningTrials() => [.. _trials.Where(t => t.Status == TrialState.Running)];

    private void RequireNotCompleted(string verb)
    {
        if (Info.Status == SweepStatus.Completed)
            throw new InvalidOperationException($"sweep {Info.Id} is completed ({Info.Finished} of {Info.MaxTrials} trials); there is nothing to {verb}");
    }

    private TrialInfo Requeue(TrialInfo trial)
    {
        _leases.Remove(trial.Number);
        trial = Put(trial with { Status = TrialState.Pending, Runner = null, FinishedUtc = null });
        _pending.AddFirst(trial.Number);
        Info = Recount(Info);
        return trial;
    }

    /// <summary>
    /// A failed attempt: back to pending while retries are left, else the trial fails with the reason. A lost runner
    /// (its node died or was cut off) is no fault of the trial: it is retried at least <paramref name="atLeast"/> times.
    /// </summary>
    private TrialInfo RetryOrFail(TrialInfo trial, string why, int atLeast = 0)
    {
        var max = Math.Max(Plan.Spec.Budget.MaxRetries, atLeast);
        return trial.Retries < max
            ? Requeue(trial with { Retries = trial.Retries + 1, Error = why })
            : Fail(trial, max == 0 ? why : $"{why}; {trial.Attempt} attempts, no retries left (budget.maxRetries is {Plan.Spec.Budget.MaxRetries}" +
                                           (max > Plan.Spec.Budget.MaxRetries ? $"; a lost runner is retried {max} times" : "") + ")");
    }

    private TrialInfo Fail(TrialInfo trial, string error)
    {
        if (trial.Stage == TrialStage.Search) Study.TellFailed(trial.Number, error);
        return Terminal(trial, TrialState.Failed, error);
    }

    private TrialInfo Terminal(TrialInfo trial, TrialState status, string? error)
    {
        _leases.Remove(trial.Number);
        trial = Put(trial with { Status = status, Error = error ?? (status == TrialState.Complete ? null : trial.Error), FinishedUtc = _clock() });
        Info = Recount(Info);
        Settle();
        return trial;
    }

    /// <summary>Moves to a resting state when the budget is spent, too many trials failed, or a drain has emptied.</summary>
    private void Settle()
    {
        StartReevaluation();
        if (Info.Finished >= Info.MaxTrials && !ReevaluationDue())
        {
            if (Info.Complete + Info.Pruned > 0) SetStatus(SweepStatus.Completed, SweepRestCause.None, null);
            else SetStatus(SweepStatus.Failed, SweepRestCause.TooManyFailures, $"every trial failed ({Info.Failed} of {Info.MaxTrials})");
        }
        else if (Plan.Spec.Budget.MaxFailedTrials is { } maxFailed && Info.Failed > maxFailed && Info.Status == SweepStatus.Running)
            SetStatus(SweepStatus.Draining, SweepRestCause.TooManyFailures, $"{Info.Failed} trials failed (budget.maxFailedTrials is {maxFailed})");
        if (Info.Status == SweepStatus.Draining && Info.Running == 0)
            SetStatus(Info.Cause == SweepRestCause.TooManyFailures ? SweepStatus.Failed : SweepStatus.Stopped, Info.Cause, Info.Reason);
    }

    /// <summary>
    /// The search has spent <c>maxTrials</c> while the sweep runs: the re-evaluation stage's trials join the budget
    /// (<c>top × seeds</c>, fewer when fewer distinct configurations completed). A drained sweep starts it on resume.
    /// </summary>
    private void StartReevaluation()
    {
        if (!ReevaluationDue() || Info.Status != SweepStatus.Running) return;
        var top = ConfigRanking.Top(_trials, Plan.Goal, Plan.Spec.Budget.Reevaluate!.Top);
        var trials = top.Count * Plan.Spec.Budget.Reevaluate.Seeds;
        Info = Info with { Reevaluations = trials, MaxTrials = Plan.Spec.Budget.MaxTrials + trials };
    }

    /// <summary>True when the search is done, something completed, and the stage <c>budget.reevaluate</c> asks for has not started.</summary>
    private bool ReevaluationDue() =>
        Plan.Spec.Budget.Reevaluate is not null && Info.Reevaluations == 0 && Info.Complete > 0
        && _trials.Count(t => t.Stage == TrialStage.Search && t.IsFinished) >= Plan.Spec.Budget.MaxTrials;

    private void SetStatus(SweepStatus status, SweepRestCause cause, string? reason)
    {
        var wasActive = !Info.IsResting;
        var active = status is SweepStatus.Running or SweepStatus.Draining;
        if (wasActive && !active && _runningSince is { } s)
        {
            Info = Info with { ActiveTime = Info.ActiveTime + (_clock() - s) };
            _runningSince = null;
        }
        if (!wasActive && active) _runningSince = _clock();
        Info = Info with { Status = status, Cause = cause, Reason = reason, FinishedUtc = status == SweepStatus.Completed ? _clock() : null };
        if (status == SweepStatus.Draining && Info.Running == 0) Settle();
    }

    private SweepInfo Recount(SweepInfo info)
    {
        int pending = 0, running = 0, complete = 0, pruned = 0, failed = 0;
        foreach (var t in _trials)
            switch (t.Status)
            {
                case TrialState.Pending: pending++; break;
                case TrialState.Running: running++; break;
                case TrialState.Complete: complete++; break;
                case TrialState.Pruned: pruned++; break;
                default: failed++; break;
            }
        info = info with { Asked = _trials.Count, Pending = pending, Running = running, Complete = complete, Pruned = pruned, Failed = failed };
        if (info.Reevaluations > 0 && info.Finished >= info.MaxTrials && ConfigRanking.BestMean(_trials, Plan.Goal) is { } mean)
            return info with { BestTrial = mean.Trial, BestValue = mean.Mean, BestSd = mean.Sd, BestRuns = mean.Count, RankedByMean = true };
        var best = Study.BestTrial;
        return info with { BestTrial = best?.Number, BestValue = best?.Value, BestSd = null, BestRuns = best is null ? 0 : 1, RankedByMean = false };
    }

    /// <summary>What the study sees of a stored trial: a pending or running one is in flight.</summary>
    private static TrialState StudyState(TrialState s) => s is TrialState.Pending ? TrialState.Running : s;

    private bool IsCurrent(int number, int attempt, out TrialInfo trial)
    {
        trial = number >= 0 && number < _trials.Count ? _trials[number] : null!;
        return trial is not null && trial.Status == TrialState.Running && trial.Attempt == attempt;
    }

    private TrialInfo Put(TrialInfo trial) => _trials[trial.Number] = trial;

    /// <param name="Confirmed">False for an attempt found running when the book was rebuilt, until its runner beats.</param>
    private sealed record Lease(string Runner, DateTime LastBeat, bool Confirmed);
}
