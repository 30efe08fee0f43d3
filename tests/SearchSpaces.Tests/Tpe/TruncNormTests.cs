using Sweep.SearchSpaces.Samplers.Tpe;

namespace Sweep.SearchSpaces.Tests.Tpe;

public sealed class TruncNormTests
{
    [Fact]
    public void LogGaussMass_matches_optuna_far_into_both_tails()
    {
        foreach (var c in Golden.Get("log_gauss_mass").EnumerateArray())
        {
            double a = c.GetProperty("a").GetDouble(), b = c.GetProperty("b").GetDouble();
            Golden.Close(c.GetProperty("v").Number(), TruncNorm.LogGaussMass(a, b), 1e-12, $"log_gauss_mass({a}, {b})");
        }
    }

    [Fact]
    public void Upper_tail_mass_is_finite_where_a_cdf_difference_cancels_to_zero()
    {
        var naive = MathNet.Numerics.Distributions.Normal.CDF(0, 1, 40) - MathNet.Numerics.Distributions.Normal.CDF(0, 1, 39.5);
        Assert.Equal(0.0, naive);
        var m = TruncNorm.LogGaussMass(39.5, 40.0);
        Assert.True(double.IsFinite(m) && m < -700, $"got {m}");
    }

    [Fact]
    public void LogPdf_LogNdtr_and_Ppf_match_optuna()
    {
        foreach (var c in Golden.Get("logpdf").EnumerateArray())
            Golden.Close(c.GetProperty("v").Number(),
                TruncNorm.LogPdf(c.GetProperty("x").GetDouble(), c.GetProperty("a").GetDouble(), c.GetProperty("b").GetDouble()), 1e-12, "logpdf");
        foreach (var c in Golden.Get("log_ndtr").EnumerateArray())
            Golden.Close(c.GetProperty("v").Number(), TruncNorm.LogNdtr(c.GetProperty("a").GetDouble()), 1e-13, "log_ndtr");
        foreach (var c in Golden.Get("ppf").EnumerateArray())
        {
            double q = c.GetProperty("q").GetDouble(), a = c.GetProperty("a").GetDouble(), b = c.GetProperty("b").GetDouble();
            Golden.Close(c.GetProperty("v").Number(), TruncNorm.Ppf(q, a, b), 1e-12, $"ppf({q}, {a}, {b})");
        }
    }

    [Fact]
    public void Ppf_stays_inside_the_truncation_and_is_monotone()
    {
        var prev = double.NegativeInfinity;
        for (var q = 0.0; q <= 1.0; q += 0.05)
        {
            var x = TruncNorm.Ppf(q, -0.7, 2.5);
            Assert.InRange(x, -0.7, 2.5);
            Assert.True(x >= prev);
            prev = x;
        }
    }
}
