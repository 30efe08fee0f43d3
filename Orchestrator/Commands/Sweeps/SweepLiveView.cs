using Spectre.Console;
using Spectre.Console.Rendering;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// A followed sweep on a terminal: a view redrawn in place on stderr with the counts, the best so far, the time
/// followed and the ETA, the running trials (step, last value, node and slot) and the last few trial events. Every
/// piece of text from the sweep (ids, node names, errors) goes in as plain <see cref="Text"/> or escaped markup:
/// Spectre reads <c>[...]</c> in markup as a style.
/// </summary>
internal sealed class SweepLiveView(TextWriter error)
{
    private const int RecentEvents = 5;
    private const int MaxRows = 20;

    private readonly Queue<TrialEvent> _recent = new();

    /// <summary>Runs <paramref name="follow"/> with the view on screen; it calls the action it is given at each look.</summary>
    public async Task<T> RunAsync<T>(Func<Action<SweepProgress, IReadOnlyList<TrialEvent>>, Task<T>> follow)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(error),
        });
        return await console.Live(new Text("")).AutoClear(false).Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(ctx => follow((progress, events) =>
            {
                ctx.UpdateTarget(Render(progress, events));
                ctx.Refresh();
            }));
    }

    private Rows Render(SweepProgress p, IReadOnlyList<TrialEvent> events)
    {
        foreach (var e in events)
        {
            _recent.Enqueue(e);
            if (_recent.Count > RecentEvents) _recent.Dequeue();
        }
        var s = p.Sweep;
        var lines = new List<IRenderable>
        {
            new Markup($"[bold]sweep {Markup.Escape(s.Id)}[/] {Markup.Escape(SweepViews.Status(s))} · [bold]{s.Finished}/{s.MaxTrials}[/] finished · " +
                       $"elapsed {SweepWatcher.Format(p.Elapsed)} · ETA {p.EtaText}"),
            new Markup($"[green]complete {s.Complete}[/] · [yellow]pruned {s.Pruned}[/] · [red]failed {s.Failed}[/] · " +
                       $"[blue]running {s.Running}[/] · queued {p.Queued}"),
            new Markup(s.BestTrial is { } b
                ? $"best {Markup.Escape(s.MetricName)}: [bold green]{Markup.Escape(SweepViews.BestText(s))}[/] (trial {b})"
                : $"best {Markup.Escape(s.MetricName)}: -"),
            Running(p.Trials),
        };
        foreach (var e in _recent) lines.Add(new Text(e.Text, Style(e.Kind)));
        return new Rows(lines);
    }

    private static Table Running(IReadOnlyList<TrialInfo> trials)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("running trials")
            .AddColumn("trial").AddColumn("step").AddColumn("last value").AddColumn("node/slot").AddColumn("for");
        var running = trials.Where(t => t.Status == TrialState.Running).OrderBy(t => t.Number).ToList();
        var now = DateTime.UtcNow;
        foreach (var t in running.Take(MaxRows))
        {
            var last = t.Intermediate.IsEmpty ? null : (KeyValuePair<int, double>?)t.Intermediate.Last();
            table.AddRow(
                new Text(t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(last?.Key.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                new Text(SweepViews.Number(last?.Value)),
                new Text($"{t.Node ?? "-"}/{t.Device ?? "-"}"),
                new Text(t.StartedUtc is { } started ? SweepWatcher.Format(now - started) : "-"));
        }
        if (running.Count > MaxRows) table.Caption($"and {running.Count - MaxRows} more");
        return table;
    }

    private static Style Style(TrialEventKind kind) => kind switch
    {
        TrialEventKind.Complete => new Style(Color.Green),
        TrialEventKind.Pruned => new Style(Color.Yellow),
        TrialEventKind.Failed => new Style(Color.Red),
        _ => Spectre.Console.Style.Plain,
    };
}
