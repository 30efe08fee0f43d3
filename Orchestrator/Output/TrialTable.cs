using System.Globalization;
using System.Text.Json;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Orchestrator.Output;

/// <summary>The table of <c>sweep trials</c>: one column per parameter, values in few characters, optionally each trial's curve.</summary>
public static class TrialTable
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>Points a sparkline shows at most (the curve is resampled to fit).</summary>
    private const int SparkWidth = 16;

    /// <param name="runs">
    /// The sweep's configurations (<see cref="ConfigRuns.Of"/> over every trial): a sweep with re-evaluation gets the
    /// columns stage, seed and <c>mean ± sd (n)</c> of the trial's configuration.
    /// </param>
    public static string Render(SweepInfo sweep, IReadOnlyList<TrialInfo> trials, bool curves, DateTime now,
                                IReadOnlyDictionary<string, ConfigRuns>? runs = null)
    {
        var names = trials.SelectMany(t => t.Values.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();
        var staged = runs is not null && (sweep.Reevaluations > 0 || trials.Any(t => t.Stage == TrialStage.Reevaluation));
        string[] headers = ["#", "state", sweep.MetricName, .. staged ? new[] { "mean ± sd (n)", "stage", "seed" } : [], "step", "duration", .. names,
                            "attempt", "node", "device", "error"];
        var table = new TextTable(curves ? [.. headers, "curve"] : headers);
        foreach (var t in trials)
        {
            var values = t.Values.ToDictionary(v => v.Name, v => Compact(v.Json), StringComparer.Ordinal);
            string?[] cells =
            [
                t.Number.ToString(CultureInfo.InvariantCulture), t.Status.ToString().ToLowerInvariant(), SweepViews.Number(t.Value),
                .. staged ? new[] { SweepViews.MeanText(runs!.GetValueOrDefault(ConfigRuns.KeyOf(t))), SweepViews.Stage(t.Stage),
                                    t.Seed?.ToString(CultureInfo.InvariantCulture) } : [],
                t.LastStep?.ToString(CultureInfo.InvariantCulture),
                TrialOrdering.Duration(t, now) is { } d ? DurationText(d) : null,
                .. names.Select(n => values.GetValueOrDefault(n)),
                t.Attempt.ToString(CultureInfo.InvariantCulture), t.Node, t.Device, t.Error,
            ];
            table.Add(curves ? [.. cells, Sparkline(t.Intermediate.Values.ToList())] : cells);
        }
        return table.ToString();
    }

    /// <summary>A parameter's JSON literal in few characters: numbers to 4 significant digits, strings unquoted.</summary>
    public static string Compact(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        return e.ValueKind switch
        {
            JsonValueKind.Number when e.TryGetInt64(out var i) => i.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Number => e.GetDouble().ToString("G4", CultureInfo.InvariantCulture),
            JsonValueKind.String => e.GetString() ?? "",
            _ => json,
        };
    }

    /// <summary>The curve's shape in block characters (low to high) and its number of points; "-" for none.</summary>
    public static string Sparkline(IReadOnlyList<double> points)
    {
        if (points.Count == 0) return "-";
        var shown = points.Count <= SparkWidth ? points : [.. Enumerable.Range(0, SparkWidth).Select(i => points[(int)((long)i * (points.Count - 1) / (SparkWidth - 1))])];
        var finite = shown.Where(double.IsFinite).ToList();
        var (low, high) = finite.Count > 0 ? (finite.Min(), finite.Max()) : (0, 0);
        var bars = string.Concat(shown.Select(v => !double.IsFinite(v) ? ' ' : high > low ? Bars[(int)Math.Round((v - low) / (high - low) * (Bars.Length - 1))] : Bars[Bars.Length / 2]));
        return $"{bars} ({points.Count.ToString(CultureInfo.InvariantCulture)} pts)";
    }

    private static string DurationText(TimeSpan d) => d.TotalSeconds < 60
        ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
        : d.TotalMinutes < 60 ? $"{(int)d.TotalMinutes}m{d.Seconds:00}s" : $"{(int)d.TotalHours}h{d.Minutes:00}m";
}
