using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// Follows a sweep until it rests, showing its progress on stderr as <paramref name="mode"/> says: a live view
/// (<see cref="SweepLiveView"/>), event lines in a log (<see cref="SweepLogView"/>), or nothing. Trial events come
/// from the stored trials, compared look by look (<see cref="TrialEventTracker"/>); trials that had finished before
/// <paramref name="since"/> are history and are not told again.
/// </summary>
internal sealed class SweepWatcher(TextWriter error, ProgressMode mode, DateTime since)
{
    /// <summary>In a log the trials are read when the sweep's counts change, and at least this often.</summary>
    private static readonly TimeSpan TrialsReadInterval = TimeSpan.FromSeconds(5);

    private readonly TrialEventTracker _events = new(since);
    private readonly SweepEta _eta = new();
    private readonly DateTime _started = DateTime.UtcNow;
    private IReadOnlyList<TrialInfo> _trials = [];
    private (int, int, int, int, int, int, SweepStatus)? _readAt;
    private DateTime _readTime;

    public async Task<SweepInfo> FollowAsync(ISweepGrain sweep, TimeSpan interval, CancellationToken ct)
    {
        switch (mode)
        {
            case ProgressMode.Live:
                return await new SweepLiveView(error).RunAsync(show => LoopAsync(sweep, interval, show, ct));
            case ProgressMode.Log:
                var log = new SweepLogView(error);
                var final = await LoopAsync(sweep, interval, log.Show, ct);
                log.End(new SweepProgress(final, _trials, DateTime.UtcNow - _started, null));
                return final;
            default:
                return await LoopAsync(sweep, interval, null, ct);
        }
    }

    private async Task<SweepInfo> LoopAsync(ISweepGrain sweep, TimeSpan interval, Action<SweepProgress, IReadOnlyList<TrialEvent>>? show, CancellationToken ct)
    {
        while (true)
        {
            var info = await sweep.GetAsync() ?? throw new SweepNotFoundException(sweep.GetPrimaryKeyString());
            var resting = info.IsResting || ct.IsCancellationRequested;
            if (show is not null)
            {
                IReadOnlyList<TrialEvent> events = [];
                // The last look always reads the trials: every trial's final line comes before the sweep's.
                if (resting || mode == ProgressMode.Live || ShouldRead(info))
                {
                    _trials = await sweep.TrialsAsync();
                    events = _events.Update(info, _trials);
                }
                var now = DateTime.UtcNow;
                show(new SweepProgress(info, _trials, now - _started, _eta.Estimate(info, _trials, now)), events);
            }
            if (resting) return info;
            try
            {
                await Task.Delay(interval, ct);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>
    /// In a log, reading every trial twice a second is wasted on a large sweep: read when a count changed (a trial
    /// started, ended or went back to the queue), else every <see cref="TrialsReadInterval"/>.
    /// </summary>
    private bool ShouldRead(SweepInfo info)
    {
        var key = (info.Asked, info.Pending, info.Running, info.Complete, info.Pruned, info.Failed, info.Status);
        var now = DateTime.UtcNow;
        if (key == _readAt && now - _readTime < TrialsReadInterval) return false;
        _readAt = key;
        _readTime = now;
        return true;
    }

    public static string Line(SweepInfo s, TimeSpan elapsed, bool served = true)
    {
        var eta = s.Finished > 0 && s.Finished < s.MaxTrials
            ? $" · ETA {Format(TimeSpan.FromSeconds(elapsed.TotalSeconds / s.Finished * (s.MaxTrials - s.Finished)))}" : "";
        return $"{State(s, served)} · {Format(elapsed)}{eta}";
    }

    /// <summary>The line without its clock: what changes only when the sweep does.</summary>
    public static string State(SweepInfo s, bool served = true)
    {
        var best = s.BestTrial is { } b ? $"best {Output.SweepViews.BestText(s)} (#{b})" : "best -";
        return $"{s.Id} {Output.SweepViews.Status(s, served)} [{s.Finished}/{s.MaxTrials}] running {s.Running} · " +
               $"complete {s.Complete} · pruned {s.Pruned} · failed {s.Failed} · {best}";
    }

    public static string Format(TimeSpan t)
    {
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0.0}s";
    }
}
