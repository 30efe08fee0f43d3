using System.Globalization;
using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Pruners;

/// <summary>
/// Where a spec's pruner will judge trials, in the resource's own unit, from the same rung arithmetic the pruners use:
/// what <c>sweep validate</c> prints ("ASHA rungs at epochs 1, 4, 16, 64"), so a wrong unit shows before a sweep runs.
/// </summary>
public static class PruningSchedule
{
    private const int MaxListed = 8;

    /// <param name="spec">The pruner section.</param>
    /// <param name="maxResource">What a trial reaches when the spec knows it (<see cref="SweepSpec.MaxResource"/>).</param>
    public static string Describe(PrunerSpec spec, int? maxResource)
    {
        var unit = spec.Resource == ResourceUnit.Epoch ? "epoch" : "step";
        return spec switch
        {
            { Median: { } o } => Median(o, unit),
            { Asha: { } o } => Asha(o, o.MaxResource ?? maxResource, unit),
            { Hyperband: { } o } => Hyperband(o, o.MaxResource ?? maxResource, unit),
            _ => "no pruning",
        };
    }

    /// <summary>
    /// The first step at which the pruner can stop a trial (ASHA's first rung, Hyperband's minimum resource, the step
    /// after the median pruner's warm-up), or null with no pruner or when the rungs wait for a finished trial.
    /// </summary>
    public static int? FirstJudgedStep(PrunerSpec spec, int? maxResource) => spec switch
    {
        { Median: { } o } => Math.Max(o.WarmupSteps, 0) + 1,
        { Asha: { } o } => (int?)AshaLadder(o, o.MaxResource ?? maxResource)?.RungStep(0),
        { Hyperband: { } o } => o.MinResource,
        _ => null,
    };

    private static string Median(MedianPrunerOptions o, string unit) =>
        $"median of completed trials, judged every {(o.IntervalSteps == 1 ? unit : $"{o.IntervalSteps} {unit}s")} from {unit} {o.WarmupSteps}" +
        $" once {o.StartupTrials} trial{(o.StartupTrials == 1 ? "" : "s")} completed";

    private static string Asha(AshaOptions o, int? max, string unit)
    {
        if (AshaLadder(o, max) is not { } ladder)
            return $"ASHA rungs from the first completed trial's last {unit} / 100 (no pruning before it); set pruner.maxResource to fix them";
        return $"ASHA rungs at {unit}s {Rungs(ladder)}" + (max is { } top ? $" (max {top})" : "");
    }

    /// <summary>ASHA's rungs as the spec fixes them (auto minResource: max / 100), or null while they wait for a finished trial.</summary>
    private static RungLadder? AshaLadder(AshaOptions o, int? max) =>
        (o.MinResource ?? (max is { } m ? Math.Max(m / 100, 1) : null)) is { } first
            ? new RungLadder(first, o.ReductionFactor, o.MinEarlyStoppingRate, max, static _ => true)
            : null;

    private static string Hyperband(HyperbandOptions o, int? max, string unit)
    {
        if (max is not { } top)
            return $"Hyperband brackets once the first trial completes (max {unit} learned from it); set pruner.maxResource to fix them";
        var schedule = new BracketSchedule(o.MinResource, top, o.ReductionFactor);
        var brackets = Enumerable.Range(0, schedule.Count)
            .Select(b => $"bracket {b}: {Rungs(new RungLadder(o.MinResource, o.ReductionFactor, b, top, static _ => true))}");
        return $"Hyperband, {schedule.Count} bracket{(schedule.Count == 1 ? "" : "s")}, rungs at {unit}s: {string.Join("; ", brackets)} (max {top})";
    }

    private static string Rungs(RungLadder ladder)
    {
        var steps = new List<string>();
        for (var k = 0; ladder.RungStep(k) is { } r; k++)
        {
            if (steps.Count == MaxListed)
            {
                steps.Add("…");
                break;
            }
            steps.Add(r.ToString(CultureInfo.InvariantCulture));
        }
        return steps.Count == 0 ? "none (the first rung is at or past the max)" : string.Join(", ", steps);
    }
}
