using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// Follows a sweep until it rests, drawing one progress line on stderr: done / running / pruned / failed, best value
/// and trial, ETA. On a terminal the line is rewritten in place; in a log a line is written when the counts or the
/// best change (about two per trial), and otherwise at most once per <see cref="QuietInterval"/>, so a log shows
/// the sweep is alive without repeating itself twice a second.
/// </summary>
internal sealed class SweepWatcher(TextWriter error, bool interactive)
{
    private static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(30);

    private string? _last;
    private DateTime _lastWritten;

    public async Task<SweepInfo> FollowAsync(ISweepGrain sweep, TimeSpan interval, CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var info = await sweep.GetAsync() ?? throw new SweepNotFoundException(sweep.GetPrimaryKeyString());
            Draw(info, DateTime.UtcNow - started);
            if (info.IsResting || ct.IsCancellationRequested)
            {
                if (interactive && _last is not null) error.WriteLine();
                return info;
            }
            try
            {
                await Task.Delay(interval, ct);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public static string Line(SweepInfo s, TimeSpan elapsed, bool served = true)
    {
        var eta = s.Finished > 0 && s.Finished < s.MaxTrials
            ? $" · ETA {Format(TimeSpan.FromSeconds(elapsed.TotalSeconds / s.Finished * (s.MaxTrials - s.Finished)))}" : "";
        return $"{State(s, served)} · {Format(elapsed)}{eta}";
    }

    /// <summary>The line without its clock: what changes only when the sweep does.</summary>
    private static string State(SweepInfo s, bool served = true)
    {
        var best = s.BestTrial is { } b ? $"best {Output.SweepViews.Number(s.BestValue)} (#{b})" : "best -";
        return $"{s.Id} {Output.SweepViews.Status(s, served)} [{s.Finished}/{s.MaxTrials}] running {s.Running} · " +
               $"complete {s.Complete} · pruned {s.Pruned} · failed {s.Failed} · {best}";
    }

    private void Draw(SweepInfo info, TimeSpan elapsed)
    {
        var key = State(info);
        var now = DateTime.UtcNow;
        if (!interactive && key == _last && now - _lastWritten < QuietInterval) return;
        var line = Line(info, elapsed);
        if (interactive) error.Write("\r\u001b[2K" + line);
        else error.WriteLine(line);
        _last = key;
        _lastWritten = now;
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0.0}s";
}
