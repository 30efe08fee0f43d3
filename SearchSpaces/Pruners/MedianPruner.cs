namespace Sweep.SearchSpaces.Pruners;

/// <summary>
/// Optuna 3.1's <c>MedianPruner</c> (= <c>PercentilePruner(50)</c>), decision for decision: once
/// <see cref="MedianPrunerOptions.StartupTrials"/> trials are Complete, a trial past the warm-up and on an interval step is
/// pruned when its best intermediate value so far is worse than the median of the values that Complete trials reported
/// at the same step (NaN values ignored, fewer than <see cref="MedianPrunerOptions.MinTrials"/> values ⇒ no decision).
/// A trial whose values are all NaN is pruned. Ties continue.
/// </summary>
public sealed class MedianPruner : IPruner
{
    private const double Percentile = 50.0;
    private readonly MedianPrunerOptions _options;

    public MedianPruner(MedianPrunerOptions? options = null)
    {
        _options = options ?? new MedianPrunerOptions();
        if (_options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
    }

    public string Name => "median";

    public PruneDecision Decide(ITrialHistory history, TrialRecord trial)
    {
        var completed = history.Trials.Where(t => t.State == TrialState.Complete).ToList();
        if (completed.Count == 0 || completed.Count < _options.StartupTrials) return PruneDecision.Continue;
        if (trial.LastStep is not { } step || step < _options.WarmupSteps) return PruneDecision.Continue;
        if (!IsFirstInIntervalStep(step, trial.Steps)) return PruneDecision.Continue;

        var maximize = history.Direction == StudyDirection.Maximize;
        var best = BestSoFar(trial, maximize);
        if (double.IsNaN(best)) return PruneDecision.Prune;

        var atStep = completed
            .Where(t => t.IntermediateValues.ContainsKey(step))
            .Select(t => t.IntermediateValues[step])
            .ToList();
        // Optuna counts NaN entries towards n_min_trials and only then drops them.
        if (atStep.Count < _options.MinTrials) return PruneDecision.Continue;
        var p = NanPercentile.Of(atStep, maximize ? 100 - Percentile : Percentile);
        if (double.IsNaN(p)) return PruneDecision.Continue;
        return (maximize ? best < p : best > p) ? PruneDecision.Prune : PruneDecision.Continue;
    }

    /// <summary>
    /// Optuna's <c>_is_first_in_interval_step</c>: the check runs at the first reported step at or after each
    /// warm-up + k·interval, so a check skipped for lack of a report is made at the next report instead.
    /// </summary>
    private bool IsFirstInIntervalStep(int step, IList<int> steps)
    {
        var warmup = _options.WarmupSteps;
        var interval = _options.IntervalSteps;
        var nearestLowerPruningStep = (step - warmup) / interval * interval + warmup;
        var secondLast = -1;
        foreach (var s in steps)
            if (s > secondLast && s != step) secondLast = s;
        return secondLast < nearestLowerPruningStep;
    }

    /// <summary>np.nanmin / np.nanmax over every value reported so far; NaN when all are NaN.</summary>
    private static double BestSoFar(TrialRecord trial, bool maximize)
    {
        var best = double.NaN;
        foreach (var v in trial.IntermediateValues.Values)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsNaN(best) || (maximize ? v > best : v < best)) best = v;
        }
        return best;
    }
}
