using System.Numerics;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Optuna's <c>_ndtri_exp</c> bisection with most of its ~60 log Φ evaluations skipped: a Newton-polished
/// estimate of the root decides every midpoint that lies clearly on one side of it (the first ~44 halvings are
/// read off its binary digits at once), and only midpoints within a tiny window are evaluated. The midpoints
/// are the same, so the result is the bisection's, bit for bit.
/// </summary>
internal static class NdtriExpSearch
{
    private static readonly double LogNdtrLow = TruncNorm.LogNdtr(-100);

    // Acklam's rational approximation of the normal quantile (relative error about 1e-9).
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    public static double Solve(double y)
    {
        // Far tails (|x| beyond ~36) and the swapped bracket keep the plain bisection.
        if (!(y > -600 && y < -1e-290) || LogNdtrLow > y) return Reference(y);
        var x0 = Guess(y);
        if (!double.IsFinite(x0)) return Reference(y);
        // log Φ carries an absolute error of a few ulps of max(|y|, 1) (log of a Φ rounded near 1 on
        // (−20, 6]); divided by the slope, that is the band around x0 where a comparison with y could disagree
        // with the comparison with x0. x0 itself is good to a few ulps. The evaluation window takes 16 times
        // both (1× of each already matched the plain loop on 3 million samples); the skip stays 1000 times wide.
        var errF = 4.4e-16 * (Math.Abs(y) + (x0 > -20 && x0 <= 6 ? 1 : 0));
        var band = errF / Math.Exp(TruncNorm.NormLogPdf(x0) - y);
        var scale = 1 + Math.Abs(x0);
        var wide = 1e3 * band + 1e-12 * scale;
        if (!(wide < 1e-3)) return Reference(y);
        var window = 16 * band + 1e-14 * scale;
        double lo = x0 - window, hi = x0 + window;
        var (a, b, depth) = Skip(x0 - wide, x0 + wide);
        var m = 0.0;
        for (var i = depth; i < 100; i++)
        {
            m = (a + b) / 2;
            if (m == a || m == b) break;
            var below = m < lo || (m <= hi && TruncNorm.LogNdtr(m) < y);
            if (below) a = m; else b = m;
        }
        return m;
    }

    /// <summary>
    /// The bracket the bisection reaches once its midpoints stop falling clearly on one side of [lo, hi]: at
    /// depth d the brackets are [−100 + 200j/2^d, −100 + 200(j+1)/2^d], so the depth is the number of leading
    /// binary digits that (lo + 100)/200 and (hi + 100)/200 share, and j is those digits. Every bracket down to
    /// depth 48 is an exact double (25j·2^(3−d) − 100 needs at most 53 bits), so this is the loop's own state.
    /// </summary>
    private static (double A, double B, int Depth) Skip(double lo, double hi)
    {
        var l = (lo + 100) / 200;
        var h = (hi + 100) / 200;
        if (!(l > 0 && h < 1)) return (-100, 100, 0);
        var lb = (ulong)Math.ScaleB(l, 62);
        var hb = (ulong)Math.ScaleB(h, 62);
        var d = Math.Min(BitOperations.LeadingZeroCount(lb ^ hb) - 2, 44);
        if (d <= 0) return (-100, 100, 0);
        var j = lb >> (62 - d);
        return (Math.ScaleB(25.0 * j, 3 - d) - 100, Math.ScaleB(25.0 * (j + 1), 3 - d) - 100, d);
    }

    /// <summary>Optuna's loop as written: 100 halvings of [−100, 100], stopping once the midpoint cannot move.</summary>
    public static double Reference(double y)
    {
        double a = -100, b = 100;
        if (TruncNorm.LogNdtr(a) > y) (a, b) = (b, a);
        var m = 0.0;
        for (var i = 0; i < 100; i++)
        {
            m = (a + b) / 2;
            if (m == a || m == b) break;
            if (TruncNorm.LogNdtr(m) < y) a = m; else b = m;
        }
        return m;
    }

    private static double Guess(double y)
    {
        // 1 − p = −expm1(y); the series keeps it accurate when p is within rounding of 1.
        var q = y > -1e-5 ? -y * (1 + 0.5 * y) : 1 - Math.Exp(y);
        var x = y < -0.6931471805599453 ? Lower(y) : -Lower(Math.Log(q), q);
        for (var i = 0; i < 4; i++)
        {
            var f = TruncNorm.LogNdtr(x);
            var step = (f - y) / Math.Exp(TruncNorm.NormLogPdf(x) - f);
            x -= step;
            if (Math.Abs(step) < 1e-15 * (1 + Math.Abs(x))) break;
        }
        return x;
    }

    private static double Lower(double logP) => Lower(logP, Math.Exp(logP));

    // Quantile of p ≤ 0.5 given log p (the tail form needs only log p, so tiny p do not underflow).
    private static double Lower(double logP, double p)
    {
        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * logP);
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        var c = p - 0.5;
        var r = c * c;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * c / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
}
