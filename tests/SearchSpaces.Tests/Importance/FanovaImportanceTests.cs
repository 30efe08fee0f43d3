using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Importance;

namespace Sweep.SearchSpaces.Tests.Importance;

/// <summary>What any fANOVA importance must satisfy, whatever Optuna says.</summary>
public sealed class FanovaImportanceTests
{
    [Fact]
    public void Importances_are_non_negative_and_sum_to_one()
    {
        var samples = ImportanceData.Draw(ImportanceData.Mixed, 80, 1, ImportanceData.MixedObjective);

        var result = FanovaImportance.Evaluate(ImportanceData.Mixed, samples);

        Assert.Equal(ImportanceData.Mixed.Keys.Order(), result.Select(p => p.Name).Order());
        Assert.All(result, p => Assert.True(p.Importance >= 0.0, $"{p.Name}: {p.Importance}"));
        Assert.Equal(1.0, result.Sum(p => p.Importance), 12);
        Assert.Equal(result.OrderByDescending(p => p.Importance).Select(p => p.Name), result.Select(p => p.Name));
    }

    [Fact]
    public void A_known_importance_order_comes_out_in_that_order()
    {
        var samples = ImportanceData.Draw(ImportanceData.Linear, 100, 2, ImportanceData.LinearObjective);

        var result = FanovaImportance.Evaluate(ImportanceData.Linear, samples);

        Assert.Equal(["x1", "x2", "x3"], result.Select(p => p.Name));
        Assert.True(result[0].Importance > 0.8, $"x1 gets {result[0].Importance}");
    }

    [Fact]
    public void A_parameter_the_objective_ignores_gets_almost_nothing()
    {
        var space = new Dictionary<string, Distribution>(ImportanceData.Linear) { ["unused"] = new FloatDistribution(-3, 3) };
        var samples = ImportanceData.Draw(space, 100, 3, ImportanceData.LinearObjective);

        var result = FanovaImportance.Evaluate(space, samples);

        Assert.True(result.Single(p => p.Name == "unused").Importance < 0.01, string.Join(", ", result));
    }

    [Fact]
    public void The_order_of_the_parameter_names_does_not_matter()
    {
        var samples = ImportanceData.Draw(ImportanceData.Mixed, 60, 4, ImportanceData.MixedObjective);
        var reversedSpace = ImportanceData.Mixed.Reverse().ToDictionary();
        var reversedSamples = samples.Select(s => s with { Params = s.Params.Reverse().ToDictionary() }).ToList();

        Assert.Equal(FanovaImportance.Evaluate(ImportanceData.Mixed, samples), FanovaImportance.Evaluate(reversedSpace, reversedSamples));
    }

    [Fact]
    public void One_seed_gives_one_answer_and_another_seed_another_forest()
    {
        var samples = ImportanceData.Draw(ImportanceData.Mixed, 60, 5, ImportanceData.MixedObjective);

        var first = FanovaImportance.Evaluate(ImportanceData.Mixed, samples, seed: 3);

        Assert.Equal(first, FanovaImportance.Evaluate(ImportanceData.Mixed, samples, seed: 3));
        Assert.NotEqual(first, FanovaImportance.Evaluate(ImportanceData.Mixed, samples, seed: 4));
    }

    [Fact]
    public void A_constant_objective_gives_equal_shares_not_nan()
    {
        var samples = ImportanceData.Draw(ImportanceData.Linear, 20, 6, (_, _) => 1.5);

        var result = FanovaImportance.Evaluate(ImportanceData.Linear, samples);

        Assert.All(result, p => Assert.Equal(1.0 / 3, p.Importance, 15));
        Assert.Equal(["x3", "x2", "x1"], result.Select(p => p.Name));   // ties in Optuna's order: the later name first
    }

    [Fact]
    public void One_sample_gives_equal_shares()
    {
        var samples = ImportanceData.Draw(ImportanceData.Linear, 1, 7, ImportanceData.LinearObjective);

        Assert.All(FanovaImportance.Evaluate(ImportanceData.Linear, samples), p => Assert.Equal(1.0 / 3, p.Importance, 15));
    }

    [Fact]
    public void A_single_valued_parameter_gets_zero_and_comes_last()
    {
        var space = new Dictionary<string, Distribution>(ImportanceData.Linear) { ["a_fixed"] = new IntDistribution(4, 4) };
        var samples = ImportanceData.Draw(space, 40, 8, ImportanceData.LinearObjective);

        var result = FanovaImportance.Evaluate(space, samples);

        Assert.Equal(new ParamImportance("a_fixed", 0.0), result[^1]);
        Assert.Equal(1.0, result.Sum(p => p.Importance), 12);
    }

    [Fact]
    public void Samples_with_a_non_finite_value_are_skipped()
    {
        var samples = ImportanceData.Draw(ImportanceData.Linear, 40, 9, ImportanceData.LinearObjective);
        var withBad = samples.Append(samples[0] with { Value = double.NaN }).Append(samples[1] with { Value = double.PositiveInfinity }).ToList();

        Assert.Equal(FanovaImportance.Evaluate(ImportanceData.Linear, samples), FanovaImportance.Evaluate(ImportanceData.Linear, withBad));
    }

    [Fact]
    public void No_samples_is_an_error_naming_them()
    {
        var e = Assert.Throws<ArgumentException>(() => FanovaImportance.Evaluate(ImportanceData.Linear, []));
        Assert.Equal("samples", e.ParamName);
        Assert.Contains("samples is empty", e.Message);
    }

    [Fact]
    public void Only_non_finite_values_is_an_error()
    {
        var samples = ImportanceData.Draw(ImportanceData.Linear, 3, 10, (_, _) => double.NaN);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => FanovaImportance.Evaluate(ImportanceData.Linear, samples)).Message);
    }

    [Theory]
    [InlineData("x9", 0.5, "sample 2: parameter 'x9' is not in the search space")]
    [InlineData("x2", 1.5, "sample 2: parameter 'x2' = 1.5 is outside its distribution")]
    public void A_parameter_outside_the_space_is_an_error_naming_it(string name, double value, string message)
    {
        var samples = ImportanceData.Draw(ImportanceData.Linear, 5, 11, ImportanceData.LinearObjective);
        samples[2] = samples[2] with { Params = new Dictionary<string, double>(samples[2].Params) { [name] = value } };

        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => FanovaImportance.Evaluate(ImportanceData.Linear, samples)).Message);
    }

    [Fact]
    public void A_choice_index_outside_the_choices_is_an_error()
    {
        var samples = ImportanceData.Draw(ImportanceData.Mixed, 5, 12, ImportanceData.MixedObjective);
        samples[0] = samples[0] with { Params = new Dictionary<string, double>(samples[0].Params) { ["optimizer"] = 3 } };

        Assert.Contains("'optimizer' = 3", Assert.Throws<ArgumentException>(() => FanovaImportance.Evaluate(ImportanceData.Mixed, samples)).Message);
    }

    [Fact]
    public void A_space_with_nothing_to_assess_gives_no_importances()
    {
        var space = new Dictionary<string, Distribution> { ["fixed"] = new FloatDistribution(1, 1) };
        var samples = new[] { new ImportanceSample(new Dictionary<string, double> { ["fixed"] = 1 }, 3.0) };

        Assert.Empty(FanovaImportance.Evaluate(space, samples));
    }
}
