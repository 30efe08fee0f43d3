namespace Sweep.SearchSpaces.Samplers.Numpy;

/// <summary>numpy reductions and elementwise functions whose rounding Optuna's results depend on.</summary>
public static class NumpyMath
{
    /// <summary><c>np.sum</c> of a contiguous float64 array: numpy's pairwise summation (8-way unrolled, blocks of 128).</summary>
    public static double PairwiseSum(ReadOnlySpan<double> a)
    {
        var n = a.Length;
        if (n < 8)
        {
            var res = 0.0;
            for (var i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= 128)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            var i = 8;
            for (; i < n - n % 8; i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        var n2 = n / 2;
        n2 -= n2 % 8;
        return PairwiseSum(a[..n2]) + PairwiseSum(a[n2..]);
    }

    /// <summary><c>np.logaddexp</c> (npy_logaddexp).</summary>
    public static double LogAddExp(double x, double y)
    {
        if (x == y) return x + Math.Log(2.0);
        var tmp = x - y;
        if (tmp > 0) return x + Log1P(Math.Exp(-tmp));
        if (tmp <= 0) return y + Log1P(Math.Exp(tmp));
        return tmp;
    }

    /// <summary>log(1 + x) accurate for small x (the compensated form: exact up to a few ulps).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsPositiveInfinity(u)) return u;
        return Math.Log(u) * x / (u - 1.0);
    }
}
