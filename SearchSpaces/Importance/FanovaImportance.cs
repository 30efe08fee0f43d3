using Sweep.SearchSpaces.Distributions;

namespace Sweep.SearchSpaces.Importance;

/// <summary>One finished trial as importance sees it: parameters in internal representation and the objective value.</summary>
public sealed record ImportanceSample(IReadOnlyDictionary<string, double> Params, double Value);

/// <summary>A parameter's share of the objective's variance; the shares of one evaluation sum to 1.</summary>
public sealed record ParamImportance(string Name, double Importance);

/// <summary>
/// fANOVA over a random forest, as Optuna's default importance evaluator computes it.
/// </summary>
public static class FanovaImportance
{
    /// <summary>The importance of every parameter of <paramref name="space"/>, most important first.</summary>
    public static IReadOnlyList<ParamImportance> Evaluate(IReadOnlyDictionary<string, Distribution> space, IReadOnlyList<ImportanceSample> samples, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(samples);
        // Placeholder until the forest lands: equal shares.
        return [.. space.Keys.Order(StringComparer.Ordinal).Select(k => new ParamImportance(k, 1.0 / space.Count))];
    }
}
