using Sweep.SearchSpaces.Samplers.Numpy;
using Sweep.SearchSpaces.Samplers.Tpe;

namespace Sweep.SearchSpaces.Tests.Tpe;

/// <summary>The shortcut bisection must land on the plain bisection's double everywhere TPE can call it.</summary>
public sealed class NdtriExpSearchTests
{
    [Fact]
    public void Matches_the_plain_bisection_bit_for_bit()
    {
        var rnd = new System.Random(7);
        var mismatches = 0;
        for (var i = 0; i < 60_000; i++)
        {
            // log Φ over both tails and the middle: uniform in y, and log-uniform for y near 0 and far below.
            var y = (i % 3) switch
            {
                0 => -rnd.NextDouble() * 5,
                1 => -Math.Exp(rnd.NextDouble() * 660 - 665),
                _ => -Math.Exp(rnd.NextDouble() * 7),
            };
            if (NdtriExpSearch.Solve(y) != NdtriExpSearch.Reference(y)) mismatches++;
        }
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Ppf_of_truncated_kernels_matches()
    {
        var rnd = new System.Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var a = -rnd.NextDouble() * 120 + 20;
            var b = a + rnd.NextDouble() * 100 + 1e-3;
            var q = rnd.NextDouble();
            var y = a < 0 ? NumpyMath.LogAddExp(TruncNorm.LogNdtr(a), Math.Log(q) + TruncNorm.LogGaussMass(a, b))
                : NumpyMath.LogAddExp(TruncNorm.LogNdtr(-b), NumpyMath.Log1P(-q) + TruncNorm.LogGaussMass(a, b));
            Assert.Equal(NdtriExpSearch.Reference(y), NdtriExpSearch.Solve(y));
        }
    }

    [Fact]
    public void Roots_on_and_beside_the_bisection_grid_match()
    {
        // Solve jumps over the first halvings by reading the root's binary digits; roots on a bracket boundary
        // (and a few ulps off it) are where a jump could end one bracket early or late.
        var rnd = new System.Random(5);
        for (var depth = 1; depth <= 50; depth++)
            for (var k = 0; k < 40; k++)
            {
                // A bracket end −100 + 25j·2^(3−depth) in [−30, 8], exact up to depth 48.
                var j = (long)Math.ScaleB(0.35 + 0.19 * rnd.NextDouble(), Math.Min(depth, 48));
                var x = Math.ScaleB(25.0 * j, 3 - Math.Min(depth, 48)) - 100;
                for (var step = 0; step < 3; step++, x = Math.BitIncrement(x))
                {
                    var y = TruncNorm.LogNdtr(x);
                    Assert.Equal(NdtriExpSearch.Reference(y), NdtriExpSearch.Solve(y));
                    var yBelow = Math.BitDecrement(y);
                    Assert.Equal(NdtriExpSearch.Reference(yBelow), NdtriExpSearch.Solve(yBelow));
                }
            }
    }
}
