using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Importance;
using Xunit.Abstractions;

namespace Sweep.SearchSpaces.Tests.Importance;

/// <summary>
/// The forest and the importances against Optuna 3.1 and sklearn 1.2 run on the same samples. The forest replays
/// sklearn's random numbers, so the trees are sklearn's node for node and the importances agree to rounding.
/// </summary>
public sealed class OptunaAgreementTests(ITestOutputHelper output)
{
    /// <summary>How far one importance may stand from Optuna's (absolute); measured differences are below 1e-12.</summary>
    public const double Tolerance = 1e-9;

    [Theory]
    [InlineData(60, 3, 0)]
    [InlineData(120, 142, 42)]
    public void The_forest_grows_the_trees_sklearn_grows(int count, int dataSeed, int seed)
    {
        var samples = ImportanceData.Draw(ImportanceData.Mixed, count, dataSeed, ImportanceData.MixedObjective);
        var reference = OptunaImportanceScript.Run(ImportanceData.Mixed, samples, seed, trees: FanovaImportance.Trees);

        var names = ImportanceData.Mixed.Keys.Order(StringComparer.Ordinal).Select(n => (n, ImportanceData.Mixed[n])).ToList();
        var encoded = new EncodedSpace(names);
        var forest = RandomForest.Fit([.. samples.Select(s => encoded.Encode(s.Params))], [.. samples.Select(s => s.Value)],
                                      FanovaImportance.Trees, FanovaImportance.MaxDepth, seed);
        for (var t = 0; t < reference.Trees.Count; t++)
        {
            var theirs = reference.Trees[t]!;
            var ours = forest[t];
            var feature = theirs["feature"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            var threshold = theirs["threshold"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
            var value = theirs["value"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
            for (var node = 0; node < Math.Min(feature.Length, ours.NodeCount); node++)
                Assert.True(feature[node] == ours.Feature[node] && threshold[node] == ours.Threshold[node] && value[node] == ours.Value[node],
                            $"tree {t} node {node}: sklearn splits {feature[node]} at {threshold[node]:R} (value {value[node]:R}), ours {ours.Feature[node]} at {ours.Threshold[node]:R} (value {ours.Value[node]:R})");
            Assert.Equal(feature.Length, ours.NodeCount);
            Assert.Equal(theirs["left"]!.AsArray().Select(n => n!.GetValue<int>()), ours.Left);
            Assert.Equal(theirs["right"]!.AsArray().Select(n => n!.GetValue<int>()), ours.Right);
        }
    }

    public static TheoryData<string, int, int> Cases => new()
    {
        { "linear", 30, 0 },
        { "linear", 80, 7 },
        { "mixed", 50, 0 },
        { "mixed", 100, 42 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Importances_match_optunas(string function, int count, int seed)
    {
        var (space, objective) = function == "linear"
            ? (ImportanceData.Linear, (Func<IReadOnlyDictionary<string, double>, Random, double>)ImportanceData.LinearObjective)
            : (ImportanceData.Mixed, ImportanceData.MixedObjective);
        var samples = ImportanceData.Draw(space, count, seed + 100, objective);

        var ours = FanovaImportance.Evaluate(space, samples, seed);
        var theirs = OptunaImportanceScript.Run(space, samples, seed).Importances;

        output.WriteLine($"largest difference from Optuna: {theirs.Zip(ours).Max(p => Math.Abs(p.First.Importance - p.Second.Importance)):E2}; "
                         + string.Join(", ", ours.Select(p => $"{p.Name} {p.Importance:F4}")));
        AssertAgree(theirs, ours);
    }

    [Fact]
    public void A_conditional_parameter_is_left_out_and_fixed_ones_tie_in_optunas_order()
    {
        var space = new Dictionary<string, Distribution>(ImportanceData.Linear)
        {
            ["momentum"] = new FloatDistribution(0, 1), ["a_fixed"] = new IntDistribution(4, 4), ["b_fixed"] = new FloatDistribution(2, 2),
        };
        var samples = ImportanceData.Draw(ImportanceData.Linear, 40, 5, ImportanceData.LinearObjective)
            .Select(s => s with { Params = new Dictionary<string, double>(s.Params) { ["a_fixed"] = 4, ["b_fixed"] = 2 } }).ToList();
        samples[3] = samples[3] with { Params = new Dictionary<string, double>(samples[3].Params) { ["momentum"] = 0.5 } };

        var ours = FanovaImportance.Evaluate(space, samples);

        Assert.DoesNotContain(ours, p => p.Name == "momentum");
        Assert.Equal(["b_fixed", "a_fixed"], ours.TakeLast(2).Select(p => p.Name));
        AssertAgree(OptunaImportanceScript.Run(space, samples).Importances, ours);
    }

    internal static void AssertAgree(IReadOnlyList<ParamImportance> theirs, IReadOnlyList<ParamImportance> ours)
    {
        Assert.Equal(theirs.Select(p => p.Name), ours.Select(p => p.Name));
        foreach (var (a, b) in theirs.Zip(ours))
            Assert.True(Math.Abs(a.Importance - b.Importance) <= Tolerance, $"{a.Name}: Optuna {a.Importance:R}, ours {b.Importance:R}");
    }
}
