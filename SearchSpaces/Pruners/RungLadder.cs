namespace Sweep.SearchSpaces.Pruners;

/// <summary>
/// Successive halving over one group of trials (all of them for ASHA, one bracket for Hyperband). Rung k sits at step
/// minResource·η^(rate+k); rungs at or above <paramref name="maxResource"/> do not exist, so a trial that gets there runs
/// to its end. A trial's value at rung k is the value it reported at its first step ≥ that rung, derived from the stored
/// intermediate values (Optuna keeps the same number in a <c>completed_rung_k</c> system attribute); NaN never counts.
/// </summary>
internal sealed class RungLadder(int minResource, int eta, int rate, int? maxResource, Func<TrialRecord, bool> isMember)
{
    public int Eta => eta;

    /// <summary>The step of rung k, or null when that rung does not exist (at or past the max resource).</summary>
    public long? RungStep(int k)
    {
        var step = (double)minResource * Math.Pow(eta, rate + k);
        if (step > long.MaxValue / 2) return null;
        var r = (long)step;
        return maxResource is { } max && r >= max ? null : r;
    }

    public bool IsMember(TrialRecord trial) => isMember(trial);

    /// <summary>Every rung's step, lowest first.</summary>
    public IReadOnlyList<long> Steps()
    {
        var steps = new List<long>();
        for (var k = 0; RungStep(k) is { } r; k++) steps.Add(r);
        return steps;
    }

    /// <summary>
    /// Judges every rung the last report crossed. A trial outside the top ⌊n/η⌋ of the n trials that reached a rung
    /// (itself included, ties pass) is paused when the caller can pause, else pruned; without pausing, Optuna's
    /// bootstrap applies (while n &lt; η the trial must be the best so far). A NaN at a rung is always pruned.
    /// </summary>
    public PruneDecision Decide(ITrialHistory history, TrialRecord trial)
    {
        if (trial.LastStep is not { } step) return PruneDecision.Continue;
        var steps = trial.Steps;
        var previous = steps.Count > 1 ? steps[^2] : -1;
        var value = trial.LastIntermediateValue!.Value;
        for (var k = 0; RungStep(k) is { } r && r <= step; k++)
        {
            if (r <= previous) continue;
            if (double.IsNaN(value)) return PruneDecision.Prune;
            var competing = RungValues(history, r, except: trial);
            competing.Add(value);
            if (!InTop(value, competing, history.Direction, relaxed: !history.SupportsPause))
                return history.SupportsPause ? PruneDecision.Pause : PruneDecision.Prune;
        }
        return PruneDecision.Continue;
    }

    /// <summary>
    /// Waiting trials of this group that may resume: in the top ⌊n/η⌋ of their rung, or with <paramref name="relaxed"/>
    /// in the top max(⌊n/η⌋, 1) (the best arrival of a rung that has fewer than η arrivals).
    /// </summary>
    public IEnumerable<Promotion> Candidates(ITrialHistory history, bool relaxed)
    {
        foreach (var trial in history.Trials)
        {
            if (trial.State != TrialState.Waiting || !isMember(trial) || trial.LastStep is not { } step) continue;
            long? rung = null;
            for (var k = 0; RungStep(k) is { } r && r <= step; k++) rung = r;
            if (rung is not { } waitingAt || ValueAt(trial, waitingAt) is not { } value) continue;
            var competing = RungValues(history, waitingAt, except: trial);
            competing.Add(value);
            if (InTop(value, competing, history.Direction, relaxed)) yield return new Promotion(trial.Number, waitingAt, value);
        }
    }

    private List<double> RungValues(ITrialHistory history, long rung, TrialRecord except)
    {
        var values = new List<double>();
        foreach (var t in history.Trials)
            if (!ReferenceEquals(t, except) && isMember(t) && ValueAt(t, rung) is { } v) values.Add(v);
        return values;
    }

    /// <summary>The value at the first reported step ≥ <paramref name="rung"/>; null when none or NaN.</summary>
    internal static double? ValueAt(TrialRecord trial, long rung)
    {
        var steps = trial.Steps;
        if (steps.Count == 0 || steps[^1] < rung) return null;
        int lo = 0, hi = steps.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (steps[mid] >= rung) hi = mid;
            else lo = mid + 1;
        }
        var v = trial.IntermediateValues[steps[lo]];
        return double.IsNaN(v) ? null : v;
    }

    /// <summary>Optuna's <c>_is_trial_promotable_to_next_rung</c>; <paramref name="competing"/> includes the value.</summary>
    private bool InTop(double value, List<double> competing, StudyDirection direction, bool relaxed)
    {
        var index = competing.Count / eta - 1;
        if (index < 0)
        {
            if (!relaxed) return false;
            index = 0;
        }
        competing.Sort();
        return direction == StudyDirection.Maximize ? value >= competing[^(index + 1)] : value <= competing[index];
    }
}
