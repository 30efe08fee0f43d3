using System.Globalization;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Importance;

/// <summary>One finished trial as importance sees it: parameters in internal representation and the objective value.</summary>
public sealed record ImportanceSample(IReadOnlyDictionary<string, double> Params, double Value);

/// <summary>A parameter's share of the objective's variance; the shares of one evaluation sum to 1.</summary>
public sealed record ParamImportance(string Name, double Importance);

/// <summary>
/// fANOVA over a random forest, as Optuna 3.1's default importance evaluator (<c>FanovaImportanceEvaluator</c>)
/// computes it: a 64-tree, depth-64 random forest fitted on the parameters (numbers as they are, categoricals one-hot),
/// then per tree each parameter's marginal variance over its total variance, averaged over the trees and normalised.
/// </summary>
public static class FanovaImportance
{
    public const int Trees = 64;
    public const int MaxDepth = 64;

    /// <summary>
    /// The importance of the parameters of <paramref name="space"/>, most important first, summing to 1. As in
    /// Optuna, only the parameters every sample has are assessed (a conditional parameter missing from some samples
    /// is left out), samples with a non-finite value are skipped, and a parameter with a single possible value gets 0.
    /// Where the forest sees no variance at all (a constant objective, one sample) every assessed parameter gets an
    /// equal share; Optuna 3.1 raises an error there. No assessable parameter gives an empty list.
    /// </summary>
    /// <param name="samples">Finished (Complete) trials of a single objective, parameters in internal representation.</param>
    /// <param name="seed">Seeds the forest as <c>FanovaImportanceEvaluator(seed=…)</c> seeds sklearn's.</param>
    /// <exception cref="ArgumentException">No samples, a parameter not in <paramref name="space"/>, or a value outside its distribution.</exception>
    public static IReadOnlyList<ParamImportance> Evaluate(IReadOnlyDictionary<string, Distribution> space, IReadOnlyList<ImportanceSample> samples, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        if (samples.Count == 0) throw new ArgumentException("importance needs at least one finished trial, but samples is empty.", nameof(samples));
        Validate(space, samples);

        // Optuna's intersection search space: the parameters every trial has, in name order.
        var assessed = space.Keys.Where(name => samples.All(s => s.Params.ContainsKey(name))).Order(StringComparer.Ordinal).ToList();
        var varying = assessed.Where(name => !space[name].IsSingle).Select(name => (name, space[name])).ToList();
        if (varying.Count == 0) return [];

        var finite = samples.Where(s => double.IsFinite(s.Value)).ToList();
        if (finite.Count == 0) throw new ArgumentException("importance needs a trial with a finite value, but every sample's value is NaN or infinite.", nameof(samples));

        var encoded = new EncodedSpace(varying);
        var forest = RandomForest.Fit([.. finite.Select(s => encoded.Encode(s.Params))], [.. finite.Select(s => s.Value)], Trees, MaxDepth, seed);
        var shares = VarianceShares(forest, encoded.Bounds, encoded.Columns);

        // Optuna's order: a stable ascending sort of (varying, then single-valued) reversed, so ties list the later first.
        return [.. varying.Select((p, i) => new ParamImportance(p.name, shares[i]))
            .Concat(assessed.Where(name => space[name].IsSingle).Select(name => new ParamImportance(name, 0.0)))
            .Select((p, i) => (p, i)).OrderByDescending(x => x.p.Importance).ThenByDescending(x => x.i).Select(x => x.p)];
    }

    /// <summary>Per parameter, its mean fraction of the trees' variance, normalised to sum to 1 (equal shares when all are 0).</summary>
    private static double[] VarianceShares(IReadOnlyList<RegressionTree> forest, Box bounds, IReadOnlyList<int[]> columns)
    {
        // fractions[t][p]: parameter p's marginal variance over tree t's total; NaN marks a tree with no variance.
        var fractions = new double[forest.Count][];
        Parallel.For(0, forest.Count, t =>
        {
            var tree = new FanovaTree(forest[t], bounds);
            fractions[t] = tree.Variance > 0.0
                ? [.. columns.Select(c => Math.Max(tree.MarginalVariance(c), 0.0) / tree.Variance)]
                : [.. columns.Select(_ => double.NaN)];
        });
        var explained = fractions.Where(f => !double.IsNaN(f[0])).ToArray();
        var shares = new double[columns.Count];
        if (explained.Length > 0)
            for (var p = 0; p < columns.Count; p++)
                shares[p] = NumpyMath.PairwiseSum([.. explained.Select(f => f[p])]) / explained.Length;
        var total = NumpyMath.PairwiseSum(shares);
        if (!(total > 0.0) || !double.IsFinite(total)) return [.. shares.Select(_ => 1.0 / shares.Length)];
        return [.. shares.Select(s => s / total)];
    }

    private static void Validate(IReadOnlyDictionary<string, Distribution> space, IReadOnlyList<ImportanceSample> samples)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i] is null) throw new ArgumentException($"sample {i} is null.", nameof(samples));
            foreach (var (name, value) in samples[i].Params)
            {
                if (!space.TryGetValue(name, out var d))
                    throw new ArgumentException($"sample {i}: parameter '{name}' is not in the search space.", nameof(samples));
                if (!d.Contains(value))
                    throw new ArgumentException(
                        $"sample {i}: parameter '{name}' = {value.ToString("R", CultureInfo.InvariantCulture)} is outside its distribution.", nameof(samples));
            }
        }
    }
}
