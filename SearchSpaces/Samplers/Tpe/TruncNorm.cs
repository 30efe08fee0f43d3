using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Port of Optuna 3.1's <c>_truncnorm.py</c> (standard normal truncated to [a, b]). <see cref="LogGaussMass"/>
/// stays accurate far into either tail by working in the left tail and switching to an asymptotic series
/// below −20, and <see cref="Ppf"/> inverts by the same 100-step bisection, so samples match Optuna's.
/// </summary>
public static class TruncNorm
{
    private static readonly double NormPdfLogC = Math.Log(Math.Sqrt(2 * Math.PI));
    private static readonly double Sqrt2 = Math.Sqrt(2.0);

    /// <summary><c>_ndtr_single</c>: Φ(a) through libm erf/erfc.</summary>
    public static double NdtrSingle(double a)
    {
        var x = a / Sqrt2;
        if (x < -1 / Sqrt2) return 0.5 * FdlibmErf.Erfc(-x);
        if (x < 1 / Sqrt2) return 0.5 + 0.5 * FdlibmErf.Erf(x);
        return 1.0 - 0.5 * FdlibmErf.Erfc(x);
    }

    /// <summary><c>_ndtr</c>: Φ(a) through Optuna's NumPy erf (the vectorised path).</summary>
    public static double Ndtr(double a) => 0.5 + 0.5 * OptunaErf.Erf(a / Sqrt2);

    /// <summary><c>_log_ndtr_single</c>: log Φ(a), with the asymptotic series below −20.</summary>
    public static double LogNdtr(double a)
    {
        if (a > 6) return -NdtrSingle(-a);
        if (a > -20) return Math.Log(NdtrSingle(a));
        var logLhs = -0.5 * (a * a) - Math.Log(-a) - 0.5 * Math.Log(2 * Math.PI);
        var lastTotal = 0.0;
        var rhs = 1.0;
        var numerator = 1.0;
        var denomFactor = 1.0;
        var denomCons = 1 / (a * a);
        var sign = 1;
        var i = 0;
        while (Math.Abs(lastTotal - rhs) > 2.220446049250313e-16)
        {
            i++;
            lastTotal = rhs;
            sign = -sign;
            denomFactor *= denomCons;
            numerator *= 2 * i - 1;
            rhs += sign * numerator * denomFactor;
        }
        return logLhs + Math.Log(rhs);
    }

    /// <summary><c>_log_gauss_mass(a, b)</c> = log(Φ(b) − Φ(a)), case by case.</summary>
    public static double LogGaussMass(double a, double b)
    {
        if (b <= 0) return LogDiff(LogNdtr(b), LogNdtr(a));
        if (a > 0) return LogDiff(LogNdtr(-a), LogNdtr(-b));
        return NumpyMath.Log1P(-Ndtr(a) - Ndtr(-b));
    }

    private static double LogDiff(double logP, double logQ) => logP + NumpyMath.Log1P(-Math.Exp(logQ - logP));

    /// <summary><c>logpdf(x, a, b)</c> on the standardised scale. Optuna 3.1 omits −log(scale) here; callers add it when they want the true density.</summary>
    public static double LogPdf(double x, double a, double b)
    {
        if (a == b) return double.NaN;
        if (x < a || b < x) return double.NegativeInfinity;
        return (-(x * x) / 2.0 - NormPdfLogC) - LogGaussMass(a, b);
    }

    /// <summary>−x²/2 − log √(2π), the untruncated standard log density.</summary>
    public static double NormLogPdf(double x) => -(x * x) / 2.0 - NormPdfLogC;

    /// <summary><c>ppf(q, a, b)</c>: the q-quantile of the standard normal truncated to [a, b].</summary>
    public static double Ppf(double q, double a, double b)
    {
        if (a == b) return double.NaN;
        if (q == 0) return a;
        if (q == 1) return b;
        if (a < 0)
        {
            var logPhiX = NumpyMath.LogAddExp(LogNdtr(a), Math.Log(q) + LogGaussMass(a, b));
            return NdtriExp(logPhiX);
        }
        var logPhi = NumpyMath.LogAddExp(LogNdtr(-b), NumpyMath.Log1P(-q) + LogGaussMass(a, b));
        return -NdtriExp(logPhi);
    }

    /// <summary><c>_ndtri_exp</c>: x with log Φ(x) = y by Optuna's 100 halvings of [−100, 100] (see <see cref="NdtriExpSearch"/>).</summary>
    public static double NdtriExp(double y) => NdtriExpSearch.Solve(y);
}
