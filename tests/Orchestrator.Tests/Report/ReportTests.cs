using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Report;

/// <summary>
/// A finished sweep's artifacts: each trial's progress.jsonl, the curves in the exports, and <c>sweep report</c>'s
/// PNG, SVG and offline HTML.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReportTests(ReportSweep sweep) : IClassFixture<ReportSweep>
{
    private static readonly string[] Figures = ["history", "curves", "compute", "agreement", "parallel", "importance", "contour"];
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private SweepCli Cli => sweep.Cli;

    [Fact]
    public void Every_trial_keeps_one_progress_line_per_report_in_its_folder()
    {
        for (var n = 0; n < ReportSweep.Trials; n++)
        {
            var file = Path.Combine(Cli.Home, "trials", ReportSweep.Id, n.ToString(System.Globalization.CultureInfo.InvariantCulture), "progress.jsonl");
            var lines = File.ReadAllLines(file);
            Assert.Equal(ReportSweep.Steps, lines.Length);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = JsonNode.Parse(lines[i])!.AsObject();
                Assert.Equal("progress", line["type"]!.GetValue<string>());
                Assert.Equal(i + 1, line["step"]!.GetValue<int>());
                Assert.True(double.IsFinite(line["value"]!.GetValue<double>()), lines[i]);
            }
        }
    }

    [Fact]
    public async Task The_json_and_csv_curves_exports_carry_each_trials_reported_values()
    {
        var (code, output, err) = await Cli.Run("export", ReportSweep.Id, "--home", Cli.Home, "-f", "json");
        Assert.True(code == 0, err);
        var trials = JsonNode.Parse(output)!["trials"]!.AsArray();
        Assert.Equal(ReportSweep.Trials, trials.Count);
        foreach (var t in trials)
        {
            var number = t!["number"]!.GetValue<int>();
            var curve = t["curve"]!.AsArray();
            var progress = File.ReadAllLines(Path.Combine(Cli.Home, "trials", ReportSweep.Id, number.ToString(System.Globalization.CultureInfo.InvariantCulture), "progress.jsonl"))
                .Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(progress.Count, curve.Count);
            foreach (var (point, line) in curve.Zip(progress))
            {
                Assert.Equal(line["step"]!.GetValue<int>(), point!["step"]!.GetValue<int>());
                Assert.Equal(line["value"]!.GetValue<double>(), point["value"]!.GetValue<double>());
            }
        }

        (code, output, err) = await Cli.Run("export", ReportSweep.Id, "--home", Cli.Home, "-f", "csv-curves");
        Assert.True(code == 0, err);
        var rows = output.TrimEnd('\n').Split('\n');
        Assert.Equal("number,state,step,value", rows[0]);
        Assert.Equal(ReportSweep.Trials * ReportSweep.Steps, rows.Length - 1);
        var first = trials[0]!["curve"]!.AsArray();
        for (var i = 0; i < ReportSweep.Steps; i++)
        {
            var fields = rows[1 + i].Split(',');
            Assert.Equal(["0", "complete", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], fields[..3]);
            Assert.Equal(first[i]!["value"]!.GetValue<double>(), double.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Report_writes_every_figure_as_png_and_svg_of_800_by_500_and_an_offline_html()
    {
        var folder = Path.Combine(Cli.Directory, "report");
        var (code, output, err) = await Cli.Run("report", ReportSweep.Id, "--home", Cli.Home, "-o", folder);
        Assert.True(code == 0, err);
        string[] expected = [.. Figures.SelectMany(f => new[] { Path.Combine(folder, f + ".png"), Path.Combine(folder, f + ".svg") }),
                             Path.Combine(folder, "report.html")];
        Assert.Equal(expected, output.TrimEnd('\n').Split('\n'));
        Assert.Contains($"15 files written to {folder}", err, StringComparison.Ordinal);

        foreach (var figure in Figures)
        {
            var png = File.ReadAllBytes(Path.Combine(folder, figure + ".png"));
            Assert.Equal(PngSignature, png[..8]);
            Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal((800, 500), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));

            var svg = XDocument.Load(Path.Combine(folder, figure + ".svg")).Root!;
            Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Name);
            Assert.Equal(("800", "500"), (svg.Attribute("width")?.Value, svg.Attribute("height")?.Value));
            // Text is drawn as text (a font was found), not left out.
            Assert.Contains(svg.Descendants(XName.Get("text", "http://www.w3.org/2000/svg")), t => t.Value.Trim().Length > 0);
        }
        // The importance caption gives the numbers the bars show, one per parameter of the mixed space.
        var shares = Regex.Match(File.ReadAllText(Path.Combine(folder, "report.html")), @"\(fANOVA\): ((?:[\w.]+ \d\.\d\d(?:, )?)+)\.");
        Assert.True(shares.Success);
        Assert.Equal(5, shares.Groups[1].Value.Split(", ").Length);
        // Rank agreement: steps 1 and 2 of 3 over the 6 complete trials, each ρ in the caption.
        Assert.Matches(@"at random: 1 -?\d\.\d\d, 2 -?\d\.\d\d\.</figcaption>", File.ReadAllText(Path.Combine(folder, "report.html")));
        var history = File.ReadAllText(Path.Combine(folder, "history.svg"));
        Assert.Contains("best so far", history, StringComparison.Ordinal);

        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Equal(Figures.Length, Regex.Count(html, "<svg[ >]"));
        foreach (var figure in Figures) Assert.Contains($"<figure id=\"{figure}\">", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Ids are page-wide in HTML: each inline SVG's clip paths and images must keep their own.
        var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(ids, id => id.StartsWith("contour-", StringComparison.Ordinal));
        Assert.All(ids, id => Assert.Contains(Figures, f => id == f || id.StartsWith(f + "-", StringComparison.Ordinal)));
        var best = (await Cli.Status(ReportSweep.Id))["best_trial"]!.GetValue<int>();
        Assert.Contains($"best trial #{best}", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"best\"><td>" + best + "</td>", html, StringComparison.Ordinal);
        Assert.Equal(ReportSweep.Trials, Regex.Count(html, "<tr( class=\"best\")?><td>"));
    }

    [Fact]
    public async Task Compare_draws_another_sweep_against_compute_and_says_what_each_needed_to_reach_its_best()
    {
        const string Other = "rep-asha";
        var spec = Cli.WriteSpec(TestSpecs.MixedFunction(Other, ReportSweep.Trials, 2, TestSpecs.Tpe(4), ReportSweep.Steps,
                                                         pruner: "{ type: asha, minResource: 1, reductionFactor: 3, maxResource: 3 }"));
        var (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", Other);
        Assert.True(code == 0, err);
        var folder = Path.Combine(Cli.Directory, "compare");
        (code, _, err) = await Cli.Run("report", ReportSweep.Id, "--home", Cli.Home, "-o", folder, "--compare", Other);
        Assert.True(code == 0, err);
        var svg = File.ReadAllText(Path.Combine(folder, "compute.svg"));
        Assert.Contains(ReportSweep.Id, svg, StringComparison.Ordinal);
        Assert.Contains(Other, svg, StringComparison.Ordinal);
        Assert.Contains("steps trained", svg, StringComparison.Ordinal);
        var note = Regex.Match(err, $@"sweep report: {Other}'s best value (\S+) took it (\d+) steps; {ReportSweep.Id} (reached it after (\d+) steps|did not reach it in (\d+) steps)");
        Assert.True(note.Success, err);
        var best = (await Cli.Status(Other))["best_value"]!.GetValue<double>();
        Assert.Equal(Math.Round(best, 4), double.Parse(note.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 9);
        // A pruned sweep spends at most its trials' full length; the unpruned one exactly that.
        Assert.InRange(int.Parse(note.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 1, ReportSweep.Trials * ReportSweep.Steps);
        if (note.Groups[5].Success) Assert.Equal(ReportSweep.Trials * ReportSweep.Steps, int.Parse(note.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture));

        (code, var output, err) = await Cli.Run("report", ReportSweep.Id, "--home", Cli.Home, "-o", folder, "--compare", "nope");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("'nope'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_into_a_folder_with_files_replaces_them_and_says_so()
    {
        var folder = Path.Combine(Cli.Directory, "again");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "history.png"), "old");
        var (code, _, err) = await Cli.Run("report", ReportSweep.Id, "--home", Cli.Home, "-o", folder);
        Assert.True(code == 0, err);
        Assert.Contains("replaced", err, StringComparison.Ordinal);
        Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(folder, "history.png"))[..8]);
    }

    [Fact]
    public async Task Report_refuses_a_dash_for_the_folder_and_an_unknown_sweep_with_one_line_and_exit_2()
    {
        var (code, output, err) = await Cli.Run("report", ReportSweep.Id, "--home", Cli.Home, "-o", "-");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("sweep report: -o '-'", err, StringComparison.Ordinal);

        (code, output, err) = await Cli.Run("report", "nope", "--home", Cli.Home, "-o", Path.Combine(Cli.Directory, "nope"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("'nope'", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Cli.Directory, "nope")));
    }
}
