namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>Optuna's <c>_ParzenEstimatorParameters</c>, plus the one switch where Sweep's tuned mode departs.</summary>
internal sealed record ParzenSettings(
    bool ConsiderPrior,
    double PriorWeight,
    bool ConsiderMagicClip,
    bool ConsiderEndpoints,
    bool Multivariate,
    bool ScaleCorrectDensity)
{
    public static ParzenSettings From(TpeOptions o) =>
        new(o.ConsiderPrior, o.PriorWeight, o.ConsiderMagicClip, o.ConsiderEndpoints, o.Multivariate, o.ScaleCorrectDensity);
}
