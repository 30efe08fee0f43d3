using ScottPlot;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Output;
using Sweep.SearchSpaces.Importance;

namespace Sweep.Orchestrator.Reports;

/// <summary>
/// The figures of <c>sweep report</c>, drawn with ScottPlot at one fixed size (<see cref="Width"/> × <see cref="Height"/>
/// pixels, the same for PNG and SVG). Each returns null when the sweep has nothing it could draw.
/// </summary>
internal static class ReportPlots
{
    public const int Width = 800;
    public const int Height = 500;

    // Cells per side of the contour's interpolated surface.
    private const int Cells = 60;

    // ScottPlot's own pick is the first family it finds (DejaVu Serif on Debian's fonts-dejavu-core): the sans one when there.
    private static readonly string FontFamily =
        Fonts.GetTypeface("DejaVu Sans", bold: false, italic: false)?.FamilyName == "DejaVu Sans" ? "DejaVu Sans" : Fonts.Default;

    /// <summary>Every complete trial's value by trial number, and the best value so far as a step line.</summary>
    public static ReportFigure? History(SweepInfo sweep, IReadOnlyList<TrialInfo> complete)
    {
        if (complete.Count == 0) return null;
        using var plot = New($"Optimisation history of {sweep.Id}", "trial", sweep.MetricName);
        double[] xs = [.. complete.Select(t => (double)t.Number)];
        double[] ys = [.. complete.Select(t => t.Value!.Value)];
        Counts(plot.Axes.Bottom);
        var points = plot.Add.ScatterPoints(xs, ys, Colors.SteelBlue);
        points.LegendText = "trial value";
        var best = new double[ys.Length];
        for (var i = 0; i < ys.Length; i++)
            best[i] = i == 0 ? ys[0] : sweep.Goal == StudyDirection.Maximize ? Math.Max(best[i - 1], ys[i]) : Math.Min(best[i - 1], ys[i]);
        var line = plot.Add.ScatterLine(xs, best, Colors.OrangeRed);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.LegendText = "best so far";
        plot.ShowLegend();
        return Render("history", "Optimisation history: each complete trial's value and the best so far.", plot);
    }

    /// <summary>The intermediate values every trial reported, coloured by how the trial ended.</summary>
    public static ReportFigure? Curves(SweepInfo sweep, IReadOnlyList<TrialInfo> trials)
    {
        var drawn = trials.Select(t => (Trial: t, Points: t.Intermediate.Where(kv => double.IsFinite(kv.Value)).ToList()))
                          .Where(d => d.Points.Count > 0).ToList();
        if (drawn.Count == 0) return null;
        using var plot = New($"Intermediate values of {sweep.Id}", "step", sweep.MetricName);
        Counts(plot.Axes.Bottom);
        var labelled = new HashSet<TrialState>();
        foreach (var (t, steps) in drawn)
        {
            var color = t.Status switch
            {
                TrialState.Complete => Colors.SteelBlue,
                TrialState.Pruned => Colors.Gray,
                TrialState.Failed => Colors.Crimson,
                _ => Colors.SeaGreen,
            };
            var line = plot.Add.ScatterLine(steps.Select(kv => (double)kv.Key).ToArray(), steps.Select(kv => kv.Value).ToArray(), color.WithAlpha(0.7));
            line.MarkerSize = steps.Count == 1 ? 5 : 0;   // a trial pruned at its first report is a dot
            if (labelled.Add(t.Status)) line.LegendText = t.Status.ToString().ToLowerInvariant();
        }
        plot.ShowLegend();
        return Render("curves", "Intermediate values: each trial's reported metric by step (pruned trials in grey).", plot);
    }

    /// <summary>Best so far against the compute spent: one step line per sweep, the reported one first, then those compared.</summary>
    public static ReportFigure? Compute(string metric, IReadOnlyList<ComputeTrajectory> sweeps)
    {
        var drawn = sweeps.Select(s => (s.SweepId, Points: s.Points.Where(p => p.Best is not null).ToList()))
                          .Where(s => s.Points.Count > 0 && s.Points[^1].Spent > 0).ToList();
        if (drawn.Count == 0) return null;
        var unit = sweeps[0].Unit;
        using var plot = New(drawn.Count == 1 ? $"Best so far against compute, {drawn[0].SweepId}" : "Best so far against compute",
                             $"{unit}s trained, summed over finished trials", metric);
        Color[] palette = [Colors.OrangeRed, Colors.SteelBlue, Colors.SeaGreen, Colors.DarkOrchid, Colors.Orange, Colors.Gray];
        for (var i = 0; i < drawn.Count; i++)
        {
            var line = plot.Add.ScatterLine(drawn[i].Points.Select(p => p.Spent).ToArray(), drawn[i].Points.Select(p => p.Best!.Value).ToArray(),
                                            palette[i % palette.Length]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.MarkerSize = 4;
            line.LegendText = drawn[i].SweepId;
        }
        plot.ShowLegend();
        return Render("compute", $"Best so far against compute: the best complete value after each finished trial, against the {unit}s "
                                 + "all finished trials trained (a pruned trial counts what it ran).", plot);
    }

    /// <summary>Spearman's ρ between each step's values and the final ones over complete trials, with the pruner's first judged step.</summary>
    public static ReportFigure? Agreement(SweepInfo sweep, IReadOnlyList<(int Step, int Trials, double Rho)> agreement, int? firstJudged, string unit)
    {
        if (agreement.Count == 0) return null;
        using var plot = New($"Do early values rank like final ones? {sweep.Id}", unit, "Spearman ρ with the final value");
        Counts(plot.Axes.Bottom);
        var line = plot.Add.ScatterLine(agreement.Select(a => (double)a.Step).ToArray(), agreement.Select(a => a.Rho).ToArray(), Colors.SteelBlue);
        line.MarkerSize = 5;
        line.LineWidth = 2;
        if (firstJudged is { } first)
        {
            var rung = plot.Add.VerticalLine(first, 2, Colors.OrangeRed);
            rung.LinePattern = LinePattern.Dashed;
            rung.LegendText = $"pruner's first judged {unit}";
            plot.ShowLegend();
        }
        plot.Axes.SetLimitsY(-1.05, 1.05);
        var listed = string.Join(", ", agreement.Select(a => $"{a.Step} {a.Rho.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"));
        return Render("agreement", $"Rank agreement: Spearman ρ between each {unit}'s values and the final values of the complete trials "
                                   + $"(at least {RankAgreement.MinimumTrials}); near 0, a pruner judging there stops trials nearly at random: {listed}.", plot);
    }

    /// <summary>One vertical axis per parameter (most important first) and one for the value; a line per complete trial.</summary>
    public static ReportFigure? ParallelCoordinates(SweepInfo sweep, IReadOnlyList<ParameterScale> scales, IReadOnlyList<TrialInfo> complete)
    {
        if (complete.Count == 0 || scales.Count == 0) return null;
        using var plot = New($"Parallel coordinates of {sweep.Id}", "", "");
        var values = complete.Select(t => t.Value!.Value).ToList();
        var (low, high) = (values.Min(), values.Max());
        var colormap = new ScottPlot.Colormaps.Viridis();
        double[] xs = [.. Enumerable.Range(0, scales.Count + 1).Select(i => (double)i)];
        // Worst first, so the best lines are drawn on top; coloured by rank, so one outlier does not wash out the rest.
        var worstFirst = complete.OrderBy(t => sweep.Goal == StudyDirection.Maximize ? t.Value : -t.Value).ToList();
        for (var rank = 0; rank < worstFirst.Count; rank++)
        {
            var t = worstFirst[rank];
            var fraction = high > low ? (t.Value!.Value - low) / (high - low) : 0.5;
            double[] ys = [.. scales.Select(s => s.Fraction(t.Params[s.Name])), fraction];
            var line = plot.Add.ScatterLine(xs, ys, colormap.GetColor(worstFirst.Count > 1 ? rank / (worstFirst.Count - 1.0) : 1).WithAlpha(0.8));
            line.LineWidth = 1.5f;
        }
        for (var i = 0; i <= scales.Count; i++)
        {
            plot.Add.VerticalLine(i, 1, Colors.Black);
            var (bottom, top) = i < scales.Count
                ? (scales[i].Text(scales[i].Low), scales[i].Text(scales[i].High))
                : (SweepViews.Number(low), SweepViews.Number(high));
            plot.Add.Text(top, i, 1.06).LabelFontSize = 11;
            plot.Add.Text(bottom, i, -0.06).LabelFontSize = 11;
        }
        plot.Axes.Bottom.SetTicks(xs, [.. scales.Select(s => s.Label), sweep.MetricName]);
        plot.Axes.Left.SetTicks([], []);
        plot.Axes.SetLimits(-0.3, scales.Count + 0.6, -0.15, 1.15);
        return Render("parallel", "Parallel coordinates: each complete trial across the parameters (most important first) to its value; "
                                  + "brighter ranks better.", plot);
    }

    /// <summary>Each parameter's share of the value's variance (fANOVA), most important on top.</summary>
    public static ReportFigure? Importance(IReadOnlyList<ParamImportance> importance)
    {
        if (importance.Count == 0) return null;
        using var plot = New("Parameter importance (fANOVA)", "share of variance", "");
        var bars = importance.Select((p, i) => new Bar
        {
            Position = importance.Count - 1 - i, Value = p.Importance, FillColor = Colors.SteelBlue,
            Label = p.Importance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.SetTicks([.. importance.Select((_, i) => (double)(importance.Count - 1 - i))], [.. importance.Select(p => p.Name)]);
        plot.Axes.SetLimitsX(0, Math.Max(1e-9, importance.Max(p => p.Importance)) * 1.15);
        var shares = string.Join(", ", importance.Select(p => $"{p.Name} {p.Importance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"));
        return Render("importance", $"Parameter importance: each parameter's share of the value's variance (fANOVA): {shares}.", plot);
    }

    /// <summary>
    /// The value over the two most important parameters (an inverse-distance surface under the trials), or over the
    /// one parameter there is (a slice).
    /// </summary>
    public static ReportFigure? Contour(SweepInfo sweep, IReadOnlyList<ParameterScale> scales, IReadOnlyList<TrialInfo> complete)
    {
        if (complete.Count == 0 || scales.Count == 0) return null;
        if (scales.Count == 1) return Slice(sweep, scales[0], complete);
        var (x, y) = (scales[0], scales[1]);
        using var plot = New($"{sweep.MetricName} over {x.Name} and {y.Name}", x.Label, y.Label);
        var points = complete.Select(t => (X: x.Fraction(t.Params[x.Name]), Y: y.Fraction(t.Params[y.Name]), V: t.Value!.Value)).ToList();
        var surface = new double[Cells, Cells];
        for (var row = 0; row < Cells; row++)
            for (var col = 0; col < Cells; col++)
                surface[row, col] = Interpolate(points, (col + 0.5) / Cells, 1 - (row + 0.5) / Cells);   // row 0 is the top
        var map = plot.Add.Heatmap(surface);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Extent = new CoordinateRect(x.Low, x.High, y.Low, y.High);
        plot.Add.ColorBar(map).Label = sweep.MetricName;
        var markers = plot.Add.ScatterPoints(complete.Select(t => x.Position(t.Params[x.Name])).ToArray(),
                                             complete.Select(t => y.Position(t.Params[y.Name])).ToArray(), Colors.White);
        markers.MarkerLineColor = Colors.Black;
        markers.MarkerLineWidth = 1;
        markers.MarkerSize = 7;
        Categorical(plot.Axes.Bottom, x);
        Categorical(plot.Axes.Left, y);
        return Render("contour", $"Contour: {sweep.MetricName} interpolated over the two most important parameters, "
                                 + $"{x.Name} and {y.Name}; dots are the complete trials.", plot);
    }

    private static ReportFigure Slice(SweepInfo sweep, ParameterScale x, IReadOnlyList<TrialInfo> complete)
    {
        using var plot = New($"{sweep.MetricName} over {x.Name}", x.Label, sweep.MetricName);
        plot.Add.ScatterPoints(complete.Select(t => x.Position(t.Params[x.Name])).ToArray(), complete.Select(t => t.Value!.Value).ToArray(),
                               Colors.SteelBlue);
        Categorical(plot.Axes.Bottom, x);
        return Render("contour", $"Slice: {sweep.MetricName} of each complete trial over {x.Name}, the only parameter searched.", plot);
    }

    // Inverse distance weighting (power 2) in the unit square: smooth, and exact at the trials.
    private static double Interpolate(IReadOnlyList<(double X, double Y, double V)> points, double x, double y)
    {
        double weights = 0, sum = 0;
        foreach (var p in points)
        {
            var d2 = ((p.X - x) * (p.X - x)) + ((p.Y - y) * (p.Y - y));
            if (d2 < 1e-12) return p.V;
            weights += 1 / d2;
            sum += p.V / d2;
        }
        return sum / weights;
    }

    private static void Categorical(IAxis axis, ParameterScale scale)
    {
        if (scale.Choices.Count > 0) axis.SetTicks([.. scale.Choices.Select((_, i) => (double)i)], [.. scale.Choices]);
    }

    /// <summary>Trial numbers and steps: whole ticks only.</summary>
    private static void Counts(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    private static Plot New(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    private static ReportFigure Render(string name, string caption, Plot plot) =>
        new(name, caption, plot.GetImageBytes(Width, Height, ImageFormat.Png), plot.GetSvgXml(Width, Height));
}
