namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>Steps used and regret of one simulated study, read from its trials and its decision log (in report order).</summary>
internal sealed class SimulationResult(Study study, IReadOnlyList<Decision> log, int steps, double optimum)
{
    public int StepsUsed => study.Trials.Sum(t => t.LastStep ?? 0);

    public double Regret => (study.BestTrial?.Value ?? double.NaN) - optimum;

    /// <summary>Regret of the best trial completed within the first <paramref name="budget"/> reported steps.</summary>
    public double RegretAt(int budget)
    {
        var best = double.PositiveInfinity;
        for (var i = 0; i < Math.Min(budget, log.Count); i++)
        {
            var d = log[i];
            if (d.Step == steps && study.Get(d.Trial) is { State: TrialState.Complete, Value: { } v }) best = Math.Min(best, v);
        }
        return best - optimum;
    }
}
