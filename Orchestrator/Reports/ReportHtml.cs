using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page (the figures as inline SVG, styles inline, no scripts and nothing fetched)
/// with the sweep's summary, its best config, the figures and a table of every trial.
/// </summary>
internal static partial class ReportHtml
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
        figure { margin: 1.5em 0; } figcaption { color: #555; font-size: 0.9em; }
        pre { background: #f4f4f4; padding: 0.8em; overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.85em; } th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
        th { background: #eee; } tr.best { background: #fff4c2; } td.text { text-align: left; }
        .notes { color: #8a5a00; }
        """;

    public static string Build(SweepInfo sweep, IReadOnlyList<TrialInfo> trials, IReadOnlyList<ReportFigure> figures, string? bestConfig,
                               IReadOnlyList<string> notes)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sweep report: ")
            .Append(E(sweep.Id)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Sweep ").Append(E(sweep.Id)).Append("</h1>\n<p>")
            .Append(E($"{sweep.Status.ToString().ToLowerInvariant()}; {sweep.Goal.ToString().ToLowerInvariant()} {sweep.MetricName}; "
                      + $"{sweep.Asked} of {sweep.MaxTrials} trials asked: {sweep.Complete} complete, {sweep.Pruned} pruned, "
                      + $"{sweep.Failed} failed, {sweep.Running} running"))
            .Append(sweep.BestTrial is { } best ? E($"; best trial #{best}: {sweep.MetricName} = {SweepViews.BestText(sweep)}") : "")
            .Append(".</p>\n");
        if (notes.Count > 0)
            html.Append("<ul class=\"notes\">\n").Append(string.Concat(notes.Select(n => $"<li>{E(n)}</li>\n"))).Append("</ul>\n");
        html.Append("<h2>Best config</h2>\n")
            .Append(bestConfig is null ? "<p>No complete trial yet.</p>\n" : $"<pre>{E(bestConfig)}</pre>\n");
        html.Append("<h2>Figures</h2>\n");
        foreach (var f in figures)
            html.Append("<figure id=\"").Append(f.Name).Append("\">\n").Append(Inline(f)).Append("\n<figcaption>").Append(E(f.Caption))
                .Append("</figcaption>\n</figure>\n");
        html.Append("<h2>Trials</h2>\n").Append(Table(sweep, trials)).Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The SVG without its XML declaration, its ids prefixed by the figure's name (ids are page-wide in HTML).</summary>
    private static string Inline(ReportFigure figure)
    {
        var svg = XmlDeclaration().Replace(figure.Svg, "", 1);
        svg = IdAttribute().Replace(svg, m => $"id=\"{figure.Name}-{m.Groups[1].Value}\"");
        return svg.Replace("url(#", $"url(#{figure.Name}-", StringComparison.Ordinal)
                  .Replace("href=\"#", $"href=\"#{figure.Name}-", StringComparison.Ordinal).Trim();
    }

    private static string Table(SweepInfo sweep, IReadOnlyList<TrialInfo> trials)
    {
        var names = trials.SelectMany(t => t.Values.Select(v => v.Name)).Distinct().ToList();
        var html = new StringBuilder("<table>\n<tr><th>#</th><th>state</th><th>").Append(E(sweep.MetricName)).Append("</th>")
            .Append(string.Concat(names.Select(n => $"<th>{E(n)}</th>"))).Append("<th>last step</th><th>duration (s)</th><th>error</th></tr>\n");
        foreach (var t in trials)
        {
            var values = t.Values.ToDictionary(v => v.Name, v => v.Json.Trim('"'));
            html.Append(t.Number == sweep.BestTrial ? "<tr class=\"best\">" : "<tr>")
                .Append("<td>").Append(t.Number.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td class=\"text\">").Append(t.Status.ToString().ToLowerInvariant()).Append("</td>")
                .Append("<td>").Append(E(SweepViews.Number(t.Value))).Append("</td>")
                .Append(string.Concat(names.Select(n => $"<td>{E(values.GetValueOrDefault(n) ?? "")}</td>")))
                .Append("<td>").Append(t.LastStep?.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(t.StartedUtc is { } s && t.FinishedUtc is { } f
                    ? (f - s).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "").Append("</td>")
                .Append("<td class=\"text\">").Append(E(t.Error ?? "")).Append("</td></tr>\n");
        }
        return html.Append("</table>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
