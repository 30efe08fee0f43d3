using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// BOHB's rule for <see cref="TpeFidelity.Rungs"/>: model the highest fidelity with enough observations. Finals win
/// once <c>minimum</c> trials are Complete; before that the highest pruner rung that <c>minimum</c> trials reached.
/// Each trial that reached it is ranked by the value it reported on crossing it (the number the pruner judged),
/// whatever its state now (pruned, paused, running, complete; failed ones excluded, as in the final model). Finished
/// trials that stopped below the rung rank behind all of those, the furthest first, then by their last value: left
/// out, they would leave the model's "bad" side full of survivors, which steers proposals away from the region that
/// survives (measured: stuck in a region that never reaches the rung again).
/// </summary>
internal static class TpeRungObservations
{
    /// <summary>The observations at the chosen rung, or null when the final model applies.</summary>
    public static (TpeObservations Observations, long Rung)? Choose(ITrialHistory history, int minimum)
    {
        var complete = 0;
        foreach (var t in history.Trials)
            if (t.State == TrialState.Complete) complete++;
        if (complete >= minimum) return null;
        var rungs = history.RungSteps;
        var sign = history.Direction == StudyDirection.Minimize ? 1.0 : -1.0;
        for (var k = rungs.Count - 1; k >= 0; k--)
        {
            var reached = 0;
            foreach (var t in history.Trials)
                if (t.State != TrialState.Failed && t.Params.Count > 0 && RungLadder.ValueAt(t, rungs[k]) is not null)
                    reached++;
            if (reached < minimum) continue;
            var obs = new TpeObservations(history.Space);
            foreach (var t in history.Trials)
            {
                if (t.State == TrialState.Failed || t.Params.Count == 0) continue;
                if (RungLadder.ValueAt(t, rungs[k]) is { } v) obs.TryAdd(t, 0, sign * v);
                else if (t.IsFinished) obs.TryAdd(t, StragglerStep(t, rungs[k]), StragglerValue(t, sign));
            }
            return (obs, rungs[k]);
        }
        return null;
    }

    // Behind every trial at the rung (key 0): nearer the rung ranks first; no finite report ranks last.
    private static double StragglerStep(TrialRecord t, long rung) =>
        t.LastStep is { } last && t.LastIntermediateValue is { } v && !double.IsNaN(v) ? rung - Math.Min(last, rung - 1) : rung + 1;

    private static double StragglerValue(TrialRecord t, double sign) =>
        t.LastIntermediateValue is { } v && !double.IsNaN(v) ? sign * v : 0;
}
