using System.Text;
using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Specs;

/// <summary>No spec can exhaust memory or the stack: alias bombs, deep nesting and huge files are errors at a line.</summary>
public sealed class SpecLimitsTests
{
    private const string Head = "apiVersion: sweep/v1\nname: t\nmetric: { name: v, goal: minimize }\nbudget: { maxTrials: 1 }\n" +
                                "parameters:\n  x: { type: float, low: 0, high: 1 }\n";

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused_at_its_line()
    {
        var yaml = new StringBuilder(Head).Append("trial:\n  command: ./t.sh\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            yaml.Append($"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml.ToString(), "bomb.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.StartsWith("bomb.yaml:13:", error.ToString());
        Assert.Contains("expands to more than 100,000 nodes", error.Message);
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_refused_without_a_stack_overflow()
    {
        var yaml = Head + "trial:\n  command: ./t.sh\n  deep: " + new string('[', 20_000) + new string(']', 20_000) + "\n";
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "deep.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.StartsWith("deep.yaml:9:", error.ToString());
        Assert.Contains("nested deeper than 64 levels", error.Message);
    }

    [Fact]
    public void A_spec_over_one_mebibyte_is_refused_before_it_is_parsed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweep-big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Head + "# " + new string('x', 2 << 20) + "\n");
        try
        {
            var e = Assert.Throws<SpecException>(() => SpecLoader.Load(path));
            Assert.Equal($"{path}:1:1: the spec is {new FileInfo(path).Length:N0} bytes; a spec may hold at most 1,048,576 (1 MiB)",
                         Assert.Single(e.Errors).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_folder_is_not_a_spec()
    {
        var e = Assert.Throws<SpecException>(() => SpecLoader.Load(Path.GetTempPath()));
        Assert.EndsWith(": is a folder, not a spec file", Assert.Single(e.Errors).ToString());
    }
}

/// <summary>What validate accepts, start runs: numbers the engine could not use are refused at their line.</summary>
public sealed class RunnableSpecTests
{
    private static SpecException Refused(string parameters, string trial, string sampler = "{ type: random }") =>
        Assert.Throws<SpecException>(() => SpecLoader.Parse(
            $"apiVersion: sweep/v1\nname: t\nmetric: {{ name: v, goal: minimize }}\nsampler: {sampler}\nbudget: {{ maxTrials: 2 }}\nparameters:\n{parameters}\ntrial: {trial}\n",
            "spec.yaml"));

    [Fact]
    public void A_range_whose_width_is_not_finite_is_refused()
    {
        var e = Refused("  x: { type: float, low: -1.7e308, high: 1.7e308 }", "{ command: ./t.sh }");
        Assert.Equal("spec.yaml:7:42: parameters.x.high - low is not a finite number (got low=-1.7E+308, high=1.7E+308); narrow the range",
                     Assert.Single(e.Errors).ToString());
    }

    [Theory]
    [InlineData("{ function: branin, steps: 0 }", "spec.yaml:9:28: trial.steps must be an integer from 1 to 1,000,000 (got 0)")]
    [InlineData("{ function: branin, steps: 2147483648 }", "spec.yaml:9:28: trial.steps must be an integer from 1 to 1,000,000 (got 2147483648)")]
    [InlineData("{ function: branin, stepSeconds: 1e300 }", "spec.yaml:9:28: trial.stepSeconds must be a number of seconds from 0 to 3600 (got 1E+300)")]
    public void A_function_curve_the_engine_cannot_run_is_refused(string trial, string error)
    {
        var e = Refused("  x1: { type: float, low: 0, high: 1 }\n  x2: { type: float, low: 0, high: 1 }", trial);
        Assert.Equal(error, Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void A_grid_too_large_to_hold_is_refused_at_the_sampler()
    {
        var parameters = string.Join("\n", Enumerable.Range(0, 9).Select(i => $"  x{i}: {{ type: float, low: 0, high: 1 }}"));
        var e = Refused(parameters, "{ command: ./t.sh }", "{ type: grid, pointsPerFloat: 10 }");
        var error = Assert.Single(e.Errors);
        Assert.Equal(("sampler", 4), (error.Path, error.Line));
        Assert.Contains("more than 1000000 configurations", error.Message);
    }

    [Fact]
    public void A_step_that_does_not_divide_the_range_moves_high_as_optuna_does_and_says_so()
    {
        var spec = SpecLoader.Parse(
            "apiVersion: sweep/v1\nname: t\nmetric: { name: v, goal: minimize }\nbudget: { maxTrials: 2 }\nparameters:\n" +
            "  x: { type: float, low: 0, high: 1, step: 0.3 }\n  n: { type: int, low: 1, high: 10, step: 4 }\ntrial: { command: ./t.sh }\n", "spec.yaml");
        Assert.Equal(0.9, ((Distributions.FloatDistribution)spec.Space["x"].Distribution).High);
        Assert.Equal(9, ((Distributions.IntDistribution)spec.Space["n"].Distribution).High);
        Assert.Equal(
            [
                "spec.yaml:6:35: warning: parameters.x.high 1 is not on the grid 0 + k·0.3; it becomes 0.9, as in Optuna",
                "spec.yaml:7:33: warning: parameters.n.high 10 is not on the grid 1 + k·4; it becomes 9, as in Optuna",
            ], spec.Warnings.Select(w => w.AsWarning()));
    }
}
