namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// erf and erfc as fdlibm/glibc compute them (what Python's <c>math.erf</c>/<c>math.erfc</c> call), so Optuna's
/// scalar <c>_ndtr_single</c> and <c>_log_ndtr_single</c> come out the same to the last bit or two.
/// <see cref="OptunaErf"/> is the variant without the low-word split that Optuna's vectorised path uses.
/// </summary>
internal static class FdlibmErf
{
    private const double Erx = 8.45062911510467529297e-01;
    private const double Efx = 1.28379167095512586316e-01;

    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return x > 0 ? 1 : -1;
        var ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < 3.7252902984e-09) return x + Efx * x;
            return x + x * Small(x * x);
        }
        if (ax < 1.25)
        {
            var pq = Mid(ax);
            return x >= 0 ? Erx + pq : -Erx - pq;
        }
        if (ax >= 6) return x >= 0 ? 1 - 1e-300 : 1e-300 - 1;
        var r = Tail(ax);
        return x >= 0 ? 1 - r / ax : r / ax - 1;
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsPositiveInfinity(x)) return 0;
        if (double.IsNegativeInfinity(x)) return 2;
        var ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < 1.3877787807814457e-17) return 1 - x;
            var y = x * Small(x * x);
            return x < 0.25 ? 1 - (x + y) : 0.5 - (x - 0.5 + y);
        }
        if (ax < 1.25)
        {
            var pq = Mid(ax);
            return x >= 0 ? 1 - Erx - pq : 1 + (Erx + pq);
        }
        if (ax < 28)
        {
            if (x < -6) return 2 - 1e-300;
            var r = Tail(ax);
            return x > 0 ? r / ax : 2 - r / ax;
        }
        return x > 0 ? 0 : 2 - 1e-300;
    }

    private static double Small(double z)
    {
        var r = 1.28379167095512558561e-01 + z * (-3.25042107247001499370e-01 + z * (-2.84817495755985104766e-02
                + z * (-5.77027029648944159157e-03 + z * -2.37630166566501626084e-05)));
        var s = 1 + z * (3.97917223959155352819e-01 + z * (6.50222499887672944485e-02 + z * (5.08130628187576562776e-03
                + z * (1.32494738004321644526e-04 + z * -3.96022827877536812320e-06))));
        return r / s;
    }

    private static double Mid(double ax)
    {
        var s = ax - 1;
        var p = -2.36211856075265944077e-03 + s * (4.14856118683748331666e-01 + s * (-3.72207876035701323847e-01
                + s * (3.18346619901161753674e-01 + s * (-1.10894694282396677476e-01 + s * (3.54783043256182359371e-02
                + s * -2.16637559486879084300e-03)))));
        var q = 1 + s * (1.06420880400844228286e-01 + s * (5.40397917702171048937e-01 + s * (7.18286544141962662868e-02
                + s * (1.26171219808761642112e-01 + s * (1.36370839120290507362e-02 + s * 1.19844998467991074170e-02)))));
        return p / q;
    }

    /// <summary>exp(−z²−0.5625)·exp((z−x)(z+x)+R/S) with z = x with its low word cleared (fdlibm's split).</summary>
    private static double Tail(double ax)
    {
        var s = 1 / (ax * ax);
        double rr, ss;
        if (ax < 1 / 0.35)
        {
            rr = -9.86494403484714822705e-03 + s * (-6.93858572707181764372e-01 + s * (-1.05586262253232909814e01
                 + s * (-6.23753324503260060396e01 + s * (-1.62396669462573470355e02 + s * (-1.84605092906711035994e02
                 + s * (-8.12874355063065934246e01 + s * -9.81432934416914548592e00))))));
            ss = 1 + s * (1.96512716674392571292e01 + s * (1.37657754143519042600e02 + s * (4.34565877475229228821e02
                 + s * (6.45387271733267880336e02 + s * (4.29008140027567833386e02 + s * (1.08635005541779435134e02
                 + s * (6.57024977031928170135e00 + s * -6.04244152148580987438e-02)))))));
        }
        else
        {
            rr = -9.86494292470009928597e-03 + s * (-7.99283237680523006574e-01 + s * (-1.77579549177547519889e01
                 + s * (-1.60636384855821916062e02 + s * (-6.37566443368389627722e02 + s * (-1.02509513161107724954e03
                 + s * -4.83519191608651397019e02)))));
            ss = 1 + s * (3.03380607434824582924e01 + s * (3.25792512996573918826e02 + s * (1.53672958608443695994e03
                 + s * (3.19985821950859553908e03 + s * (2.55305040643316442583e03 + s * (4.74528541206955367215e02
                 + s * -2.24409524465858183362e01))))));
        }
        var z = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(ax) & unchecked((long)0xFFFFFFFF00000000UL));
        return Math.Exp(-z * z - 0.5625) * Math.Exp((z - ax) * (z + ax) + rr / ss);
    }
}
