using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Orchestrator.Reports;

/// <summary>
/// A sweep's best value so far against the compute its search has spent: after each finished search trial (in finishing
/// order), the resources every finished trial trained for (its last reported epoch or step, so a pruned trial counts
/// what it ran) and the best complete value. This is how a pruned search and an unpruned one compare at equal compute.
/// </summary>
internal sealed record ComputeTrajectory(string SweepId, string Unit, IReadOnlyList<(double Spent, double? Best)> Points)
{
    public static ComputeTrajectory Of(SweepInfo sweep, SweepPlan plan, IReadOnlyList<TrialInfo> trials)
    {
        var points = new List<(double, double?)>();
        double spent = 0;
        double? best = null;
        foreach (var t in trials.Where(t => t is { Stage: TrialStage.Search, IsFinished: true, FinishedUtc: not null })
                                .OrderBy(t => t.FinishedUtc).ThenBy(t => t.Number))
        {
            spent += t.LastStep ?? 0;
            if (t is { Status: TrialState.Complete, Value: { } v } && double.IsFinite(v)
                && (best is not { } b || (sweep.Goal == StudyDirection.Maximize ? v > b : v < b)))
                best = v;
            points.Add((spent, best));
        }
        return new ComputeTrajectory(sweep.Id, UnitOf(plan), points);
    }

    /// <summary>What the sweep's trials count, in words: <c>epoch</c> or <c>step</c> (<c>pruner.resource</c>).</summary>
    public static string UnitOf(SweepPlan plan) => plan.Spec.Pruner.Resource == ResourceUnit.Epoch ? "epoch" : "step";

    /// <summary>Compute spent when the best so far first reached <paramref name="target"/>, or null if it never did.</summary>
    public double? SpentToReach(double target, StudyDirection goal) =>
        Points.FirstOrDefault(p => p.Best is { } b && (goal == StudyDirection.Maximize ? b >= target : b <= target)) is { Best: not null } hit
            ? hit.Spent
            : null;
}
