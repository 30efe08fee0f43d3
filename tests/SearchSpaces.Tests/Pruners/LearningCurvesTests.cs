namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>The C# formulas and curve against numbers printed by the search benchmark's Python definitions (docs/functions.md).</summary>
public sealed class LearningCurvesTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(3e-05, "3e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.14285714285714285, "0.14285714285714285")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    public void Floats_print_like_python_repr(double value, string expected) => Assert.Equal(expected, PythonRepr.Float(value));

    [Fact]
    public void Curve_values_match_hpo_funcs()
    {
        var p = new Dictionary<string, double> { ["x0"] = 0.1, ["x1"] = 0.25, ["x2"] = 3e-05, ["x3"] = 0.999999, ["x4"] = 0.5, ["x5"] = 0.0 };
        var f = LearningCurves.Hartmann6(p);
        Assert.Equal(-0.004289168594053449, f, 15);
        Assert.Equal(0.7058520596389086, LearningCurves.U01(p, "rate"));
        Assert.Equal(2.08188836888541, LearningCurves.CurveValue(f, LearningCurves.Hartmann6Optimum, p, 1, 27), 13);
        Assert.Equal(0.25103636507062976, LearningCurves.CurveValue(f, LearningCurves.Hartmann6Optimum, p, 13, 27), 13);

        var q = Enumerable.Range(0, 6).ToDictionary(i => $"x{i}", i => (i + 1) / 7.0);
        Assert.Equal(0.1562263846487082, LearningCurves.U01(q, "rate"));
        Assert.Equal(3.991643501415585, LearningCurves.CurveValue(LearningCurves.Hartmann6(q), LearningCurves.Hartmann6Optimum, q, 1, 27), 13);
    }
}
