using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;
using Sweep.SearchSpaces.Importance;
using Sweep.SearchSpaces.Pruners;

namespace Sweep.Orchestrator.Reports;

/// <summary>
/// Writes a sweep's report into a folder: each figure of <see cref="ReportPlots"/> as <c>NAME.png</c> and
/// <c>NAME.svg</c>, and <c>report.html</c> with all of them. What the trials so far cannot draw is left out and said in
/// <see cref="ReportWritten.Notes"/>.
/// </summary>
internal static class SweepReport
{
    public const string HtmlFile = "report.html";

    /// <param name="bestConfig">The best trial's config as text (YAML), or null before a trial completes.</param>
    /// <param name="compared">Other sweeps of the same metric, goal and resource, drawn with this one against compute.</param>
    public static ReportWritten Write(SweepInfo sweep, SweepPlan plan, IReadOnlyList<TrialInfo> trials, string? bestConfig, string folder,
                                      IReadOnlyList<ComputeTrajectory>? compared = null)
    {
        var notes = new List<string>();
        var compute = ComputeTrajectory.Of(sweep, plan, trials);
        foreach (var other in compared ?? [])
            notes.Add(Reached(sweep, compute, other));
        var complete = trials.Where(t => t is { Status: TrialState.Complete, Value: { } v } && double.IsFinite(v)).ToList();
        if (complete.Count == 0)
            notes.Add(trials.Any(t => t.IsFinished)
                ? "no complete trial yet: no history, parallel coordinates, importance or contour"
                : "no finished trial yet: only what the running trials reported is drawn");
        var agreement = RankAgreement.Of(complete);
        var firstJudged = PruningSchedule.FirstJudgedStep(plan.Spec.Pruner, plan.Spec.MaxResource());
        if (firstJudged is { } judged && agreement.FirstOrDefault(a => a.Step == judged) is { Trials: > 0 } there && there.Rho < 0.5)
            notes.Add($"the pruner first judges at {compute.Unit} {judged}, where the values of the {there.Trials} complete trials rank "
                      + $"unlike their final values (Spearman ρ {there.Rho:0.00}; 1 is the same order): what it stops there is weak "
                      + "evidence; a larger minResource (or warm-up) judges where the agreement figure shows ρ high");
        var scales = Scales(plan, complete, notes);
        var importance = Importance(scales, complete, notes);
        var ordered = importance.Count > 0
            ? [.. importance.Select(p => scales.First(s => s.Name == p.Name)), .. scales.Where(s => importance.All(p => p.Name != s.Name))]
            : scales;
        ReportFigure?[] drawn =
        [
            ReportPlots.History(sweep, complete),
            ReportPlots.Curves(sweep, trials),
            ReportPlots.Compute(sweep.MetricName, [compute, .. compared ?? []]),
            ReportPlots.Agreement(sweep, agreement, firstJudged, compute.Unit),
            ReportPlots.ParallelCoordinates(sweep, ordered, complete),
            ReportPlots.Importance(importance),
            ReportPlots.Contour(sweep, ordered, complete),
        ];
        if (trials.All(t => t.Intermediate.Count == 0)) notes.Add("no trial reported an intermediate value: no curves");
        var figures = drawn.OfType<ReportFigure>().ToList();

        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var f in figures)
        {
            var png = Path.Combine(folder, f.Name + ".png");
            AtomicFile.WriteAllBytes(png, f.Png);
            var svg = Path.Combine(folder, f.Name + ".svg");
            AtomicFile.WriteAllText(svg, f.Svg);
            paths.AddRange([png, svg]);
        }
        var html = Path.Combine(folder, HtmlFile);
        AtomicFile.WriteAllText(html, ReportHtml.Build(sweep, trials, figures, bestConfig, notes));
        paths.Add(html);
        return new ReportWritten(paths, notes);
    }

    /// <summary>How much compute this sweep and another needed to reach the other's best value: the comparison at equal compute.</summary>
    private static string Reached(SweepInfo sweep, ComputeTrajectory self, ComputeTrajectory other)
    {
        if (other.Points.LastOrDefault().Best is not { } target) return $"{other.SweepId} has no complete trial to compare with";
        var unit = self.Unit + "s";
        var theirs = other.SpentToReach(target, sweep.Goal)!.Value;
        var text = $"{other.SweepId}'s best {sweep.MetricName} {target:0.####} took it {theirs:0.##} {unit}; ";
        return self.SpentToReach(target, sweep.Goal) is { } ours
            ? text + $"{sweep.Id} reached it after {ours:0.##} {unit} ({ours / theirs:0.00} of that)"
            : text + $"{sweep.Id} did not reach it in {self.Points.LastOrDefault().Spent:0.##} {unit}";
    }

    /// <summary>
    /// The parameters the cross-trial figures draw: those with more than one value that every complete trial has (a
    /// conditional parameter absent from some trials has no place on a shared axis).
    /// </summary>
    private static List<ParameterScale> Scales(SweepPlan plan, IReadOnlyList<TrialInfo> complete, List<string> notes)
    {
        var space = plan.Spec.Space;
        var left = space.Parameters.Where(p => p.IsConditional && complete.Any(t => !t.Params.ContainsKey(p.Name))).Select(p => p.Name).ToList();
        if (left.Count > 0) notes.Add($"conditional parameters left out of the cross-trial figures: {string.Join(", ", left)}");
        return [.. space.Parameters.Where(p => !p.Distribution.IsSingle && !left.Contains(p.Name) && complete.All(t => t.Params.ContainsKey(p.Name)))
                                   .Select(p => new ParameterScale(p.Name, p.Distribution))];
    }

    private static IReadOnlyList<ParamImportance> Importance(IReadOnlyList<ParameterScale> scales, IReadOnlyList<TrialInfo> complete,
                                                             List<string> notes)
    {
        if (scales.Count == 0 || complete.Count < 2)
        {
            if (complete.Count == 1) notes.Add("one complete trial: importance needs two");
            return [];
        }
        try
        {
            var space = scales.ToDictionary(s => s.Name, s => s.Distribution);
            return FanovaImportance.Evaluate(space, SweepImportance.Samples(space, complete));   // most important first
        }
        catch (ArgumentException e)
        {
            notes.Add($"no importance: {e.Message}");
            return [];
        }
    }
}
