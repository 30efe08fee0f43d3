namespace Sweep.SearchSpaces.Pruners;

/// <summary>A waiting trial that may resume, with the rung (step) it waits at and its value there.</summary>
internal readonly record struct Promotion(int Number, long RungStep, double Value)
{
    /// <summary>Highest rung first (ASHA promotes top-down), then best value, then the older trial.</summary>
    public static IReadOnlyList<int> Order(IEnumerable<Promotion> candidates, StudyDirection direction)
    {
        var sign = direction == StudyDirection.Maximize ? -1.0 : 1.0;
        return candidates
            .OrderByDescending(p => p.RungStep)
            .ThenBy(p => sign * p.Value)
            .ThenBy(p => p.Number)
            .Select(p => p.Number)
            .ToList();
    }

    /// <summary>
    /// Strict promotions first; when there are none and no trial is running, the relaxed ones, so that a search which
    /// would otherwise sit idle moves its best paused trials on (Optuna's bootstrap rule, applied late).
    /// </summary>
    public static IReadOnlyList<int> Select(ITrialHistory history, IReadOnlyList<RungLadder> ladders)
    {
        var strict = ladders.SelectMany(l => l.Candidates(history, relaxed: false)).ToList();
        if (strict.Count > 0) return Order(strict, history.Direction);
        if (history.Trials.Any(t => t.State == TrialState.Running)) return [];
        return Order(ladders.SelectMany(l => l.Candidates(history, relaxed: true)), history.Direction);
    }
}
