using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweep.Grains.Model;
using Sweep.Grains.Storage;
using Sweep.Grains.Telemetry;
using Sweep.Grains.Trials;

namespace Sweep.Grains.Sweeps;

/// <inheritdoc cref="ISweepGrain"/>
/// <remarks>
/// The sweep record is small and written on each trial start and end; each trial is written by its own grain, so
/// the cost of a trial event does not grow with the sweep. On activation the study is rebuilt from the trial grains.
/// </remarks>
public sealed partial class SweepGrain(
    [PersistentState(SweepGrain.StateName, StorageNames.Sweep)] IPersistentState<SweepInfo?> state,
    IOptions<SweepEngineOptions> options,
    IProgressLog progress,
    ILogger<SweepGrain> log) : Grain, ISweepGrain
{
    /// <summary>The sweep record's state name (the <c>state_name</c> of its row).</summary>
    public const string StateName = "sweep";

    private SweepBook? _book;
    private DateTime _lastTick = DateTime.UtcNow;
    private bool _frozen;

    private string Id => this.GetPrimaryKeyString();

    private SweepBook Book => _book ?? throw new SweepNotFoundException(Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State is { } info)
        {
            await TakeOverAsync();
            var plan = SweepPlan.Parse(info.SpecText, info.SpecFile);
            var trials = await Task.WhenAll(Enumerable.Range(0, info.Asked).Select(n => TrialGrain(n).GetAsync()));
            var reported = await progress.ReadAsync(Id);
            _book = new SweepBook(plan, info, trials.Select((t, n) => t is null
                ? throw new InvalidOperationException($"sweep {Id}: trial {n} is missing from storage")
                : reported.TryGetValue(n, out var steps) ? t with { Intermediate = t.Intermediate.SetItems(steps) } : t), () => DateTime.UtcNow);
            PublishQueue(_book.Info);
            StartTicking();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The sweep's queue is published by whichever activation holds it now.
        SweepMetrics.SetQueue(Id, null);
        return Task.CompletedTask;
    }

    public async Task<SweepInfo> CreateAsync(string specText, string specFile)
    {
        if (_book is not null) throw new InvalidOperationException($"a sweep with id '{Id}' already exists");
        var plan = SweepPlan.Parse(specText, specFile);
        _book = new SweepBook(plan, SweepBook.NewInfo(Id, plan, specFile, DateTime.UtcNow), [], () => DateTime.UtcNow);
        await SaveSweepAsync();
        await GrainFactory.GetGrain<ISweepDirectoryGrain>(0).AddAsync(Id);
        StartTicking();
        LogCreated(log, Id, plan.Spec.Name, plan.Spec.Budget.MaxTrials);
        return _book.Info;
    }

    public Task<SweepInfo?> GetAsync() => Task.FromResult(_book?.Snapshot());

    public Task<ImmutableArray<TrialInfo>> TrialsAsync() => Task.FromResult(_book?.Trials.ToImmutableArray() ?? []);

    public async Task<TrialAssignment?> NextAsync(RunnerSlot slot)
    {
        EnsureCurrent();
        if (_book?.Next(slot) is not { } next) return null;
        if (!await SaveAsync([next.Trial])) return null;
        SweepMetrics.TrialStarted(Id, next.Assignment.Kind);
        return next.Assignment;
    }

    public async Task<ReportDecision> ReportAsync(int number, int attempt, int step, double value)
    {
        EnsureCurrent();
        var (decision, changed) = Book.Report(number, attempt, step, value);
        if (changed is null) return decision;
        try
        {
            // The value goes to the progress log; the trial row is rewritten only when the trial ends.
            await progress.AppendAsync(Id, number, step, value);
        }
        catch (StorageFullException e)
        {
            PauseForFullDisk(e);
            return ReportDecision.Kill;
        }
        if (decision == ReportDecision.Prune && !await SaveAsync([changed])) return ReportDecision.Kill;
        return decision;
    }

    public async Task FinishAsync(int number, int attempt, TrialOutcome outcome)
    {
        EnsureCurrent();
        if (Book.Finish(number, attempt, outcome) is not { } changed) return;
        if (await SaveAsync([changed]) && changed.Status == TrialState.Failed) LogTrialFailed(log, Id, number, changed.Error);
    }

    public async Task ReleaseAsync(int number, int attempt, string reason)
    {
        EnsureCurrent();
        if (Book.Release(number, attempt, reason) is not { } changed) return;
        await SaveAsync([changed]);
    }

    public Task<ImmutableArray<TrialAttempt>> HeartbeatAsync(string runner, ImmutableArray<TrialAttempt> running)
    {
        EnsureCurrent();
        return Task.FromResult(Book.Heartbeat(runner, running));
    }

    public Task<SweepInfo> StopAsync() => ChangeAsync(() => { Book.Stop(); return []; });

    public Task<SweepInfo> CancelAsync() => ChangeAsync(Book.Cancel);

    public Task<SweepInfo> PauseAsync() => ChangeAsync(Book.Pause);

    public Task<SweepInfo> ResumeAsync() => ChangeAsync(Book.Resume);

    private async Task<SweepInfo> ChangeAsync(Func<IReadOnlyList<TrialInfo>> change)
    {
        EnsureCurrent();
        await SaveAsync(change(), always: true);
        return Book.Info;
    }

    private void StartTicking() =>
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(options.Value.TickInterval, options.Value.TickInterval) { KeepAlive = true });

    private async Task TickAsync(CancellationToken ct)
    {
        EnsureCurrent();
        _lastTick = DateTime.UtcNow;
        if (_book is null || _book.Info.IsResting) return;
        var changed = _book.ExpireLeases(options.Value.LeaseTimeout, options.Value.RejoinTimeout).Concat(_book.StopOverdue()).ToList();
        var timedOut = _book.CheckTimeout();
        if (changed.Count > 0 || timedOut) await SaveAsync(changed);
    }

    /// <summary>
    /// An activation whose ticks stopped for longer than a lease was frozen (its process stopped, a long pause): in the
    /// meantime the cluster may have declared its silo dead and rebuilt the sweep elsewhere. Its book is not to be
    /// trusted, nor written: it ends, and the call fails; the caller's retry reaches an activation built from storage.
    /// </summary>
    private void EnsureCurrent()
    {
        var gap = DateTime.UtcNow - _lastTick;
        if (!_frozen)
        {
            if (_book is null || gap <= options.Value.LeaseTimeout + options.Value.TickInterval) return;
            _frozen = true;
            DeactivateOnIdle();
            LogFrozen(log, Id, gap.TotalSeconds);
        }
        throw new InvalidOperationException($"sweep {Id}: this activation was frozen for {gap.TotalSeconds:F0} s; it reloads from storage");
    }

    /// <summary>
    /// Writes changed trials, then the sweep record. False when the disk is full (the sweep pauses, see
    /// <see cref="PauseForFullDisk"/>). Any other failure (the database away, a conflicting writer) leaves the book
    /// ahead of storage: this activation ends, the caller sees the error and retries against one rebuilt from storage.
    /// </summary>
    private async Task<bool> SaveAsync(IReadOnlyList<TrialInfo> trials, bool always = false)
    {
        try
        {
            foreach (var t in trials) await SaveTrialAsync(t);
            await SaveSweepAsync();
            // Counted once stored: a change lost with its activation is made, and counted, again by the retry.
            foreach (var t in trials) SweepMetrics.TrialEnded(Id, Book.Plan.Kind, t.Status);
            return true;
        }
        catch (StorageFullException e) when (!always)
        {
            PauseForFullDisk(e);
            return false;
        }
        catch (Exception e) when (e is not StorageFullException)
        {
            LogStorageFailed(log, Id, e);
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// Nothing more can be written: the sweep pauses in memory (what was written stays as it was, uncorrupted), its
    /// runners stop their trials, and whoever follows it reads why. <c>sweep resume</c> continues once space is freed.
    /// </summary>
    private void PauseForFullDisk(StorageFullException e)
    {
        if (_book is null || _book.Info.IsResting) return;
        _book.PauseForFullDisk(e.Message);
        LogDiskFull(log, Id, e.Message);
    }

    /// <summary>
    /// Writes the record back unchanged before the trials are read: another activation that read the same record (one
    /// left on a frozen or cut-off silo) can write no trial from now on, since trial rows are fenced by this etag, and
    /// every trial it wrote before is in the rows read next. A full disk skips it: then nothing is written at all.
    /// </summary>
    private async Task TakeOverAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (StorageFullException)
        {
        }
    }

    private async Task SaveSweepAsync()
    {
        var wasActive = state.State is { IsResting: false };
        var snapshot = Book.Snapshot();
        await state.WriteOrReloadAsync(snapshot, this);
        var active = !snapshot.IsResting;
        PublishQueue(snapshot);
        if (active != wasActive) await GrainFactory.GetGrain<ISweepDirectoryGrain>(0).SetActiveAsync(Id, active);
    }

    /// <summary>What waits for a slot while the sweep runs (none while it drains); a resting sweep has no series.</summary>
    private void PublishQueue(SweepInfo info) => SweepMetrics.SetQueue(Id, info.Status switch
    {
        SweepStatus.Running => info.Pending + Math.Max(0, info.MaxTrials - info.Asked),
        _ when !info.IsResting => 0,
        _ => null,
    });

    /// <summary>
    /// The trial's row, without its intermediate values (those live in the progress log), fenced by this activation's
    /// etag of the sweep record: the trial activation's own etag only says the row was not written since it read it,
    /// not that this activation of the sweep is still the one whose word counts.
    /// </summary>
    private Task SaveTrialAsync(TrialInfo trial) =>
        TrialGrain(trial.Number).SaveAsync(trial with { Intermediate = ImmutableSortedDictionary<int, double>.Empty, Fence = SweepFence() });

    private StateFence? SweepFence() =>
        long.TryParse(state.Etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var etag)
            ? new StateFence(StateName, this.GetGrainId().ToString(), etag)
            : null;

    private ITrialGrain TrialGrain(int number) => GrainFactory.GetGrain<ITrialGrain>(Grains.Trials.TrialGrain.Key(Id, number));

    [LoggerMessage(Level = LogLevel.Information, Message = "sweep {SweepId} created: {Name}, {MaxTrials} trials")]
    private static partial void LogCreated(ILogger logger, string sweepId, string name, int maxTrials);

    [LoggerMessage(Level = LogLevel.Error, Message = "sweep {SweepId} paused: {Reason}; free space, then `sweep resume {SweepId}`")]
    private static partial void LogDiskFull(ILogger logger, string sweepId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep {SweepId}: no tick for {Seconds} s (the process was frozen); reloading it from storage")]
    private static partial void LogFrozen(ILogger logger, string sweepId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep {SweepId}: state not written; reloading it from storage on the next call")]
    private static partial void LogStorageFailed(ILogger logger, string sweepId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep {SweepId}: trial {Number} failed: {Error}")]
    private static partial void LogTrialFailed(ILogger logger, string sweepId, int number, string? error);
}
