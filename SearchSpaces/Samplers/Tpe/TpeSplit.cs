namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// The below/above split of one ask (Optuna's <c>_split_observation_pairs</c> for one objective): the
/// gamma(n) best finished trials by (step key, value key), ties by trial number as numpy's stable argsort
/// gives, with trials in flight always above. Computed once per ask and shared by every parameter.
/// </summary>
internal sealed class TpeSplit
{
    public TpeSplit(TpeObservations obs, int nBelow)
    {
        var n = obs.Count;
        IsBelow = new bool[n];
        nBelow = Math.Min(nBelow, n);
        if (nBelow == 0) return;
        // Keep the best nBelow seen so far, sorted; most trials lose to the current worst and cost one comparison.
        var best = new List<int>(nBelow + 1);
        for (var i = 0; i < n; i++)
        {
            if (best.Count == nBelow && !Less(obs, i, best[^1])) continue;
            var at = best.Count;
            while (at > 0 && Less(obs, i, best[at - 1])) at--;
            best.Insert(at, i);
            if (best.Count > nBelow) best.RemoveAt(best.Count - 1);
        }
        foreach (var i in best) IsBelow[i] = true;
    }

    /// <summary>Per finished observation (number order): true when it is in the good set.</summary>
    public bool[] IsBelow { get; }

    // Indices follow trial numbers, so comparing them last reproduces the stable sort's tie order.
    private static bool Less(TpeObservations obs, int i, int j)
    {
        var si = obs.StepKey(i);
        var sj = obs.StepKey(j);
        if (si != sj) return si < sj;
        var vi = obs.ValueKey(i);
        var vj = obs.ValueKey(j);
        if (vi != vj) return vi < vj;
        return i < j;
    }
}
