using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// Follows a sweep until it rests, drawing one progress line on stderr (rewritten in place on a terminal, one line
/// per change otherwise): done / running / pruned / failed, best value and trial, ETA.
/// </summary>
internal sealed class SweepWatcher(TextWriter error, bool interactive)
{
    private string? _last;

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
        var best = s.BestTrial is { } b ? $"best {Output.SweepViews.Number(s.BestValue)} (#{b})" : "best -";
        var eta = s.Finished > 0 && s.Finished < s.MaxTrials
            ? $" · ETA {Format(TimeSpan.FromSeconds(elapsed.TotalSeconds / s.Finished * (s.MaxTrials - s.Finished)))}" : "";
        return $"{s.Id} {Output.SweepViews.Status(s, served)} [{s.Finished}/{s.MaxTrials}] running {s.Running} · " +
               $"complete {s.Complete} · pruned {s.Pruned} · failed {s.Failed} · {best} · {Format(elapsed)}{eta}";
    }

    private void Draw(SweepInfo info, TimeSpan elapsed)
    {
        var line = Line(info, elapsed);
        var key = line[..line.LastIndexOf('·')];
        if (!interactive && key == _last) return;
        if (interactive) error.Write("\r\u001b[2K" + line);
        else error.WriteLine(line);
        _last = key;
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0.0}s";
}
