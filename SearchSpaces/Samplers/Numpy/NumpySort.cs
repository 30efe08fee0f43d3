namespace Sweep.SearchSpaces.Samplers.Numpy;

/// <summary>
/// numpy 1.24's default <c>argsort</c> (introsort: median-of-3 quicksort, insertion sort below 16 elements,
/// heapsort past the depth limit) for float64. It is not stable, and Optuna's bandwidth rule hands sigmas
/// back through this permutation, so tied values must land in the same order as numpy's.
/// </summary>
public static class NumpySort
{
    private const int SmallQuicksort = 15;

    // numpy's DOUBLE_LT: NaN sorts last.
    private static bool Less(double a, double b) => a < b || (double.IsNaN(b) && !double.IsNaN(a));

    /// <summary>Fills <paramref name="idx"/> with the permutation numpy's <c>np.argsort(v)</c> returns.</summary>
    public static void ArgSort(ReadOnlySpan<double> v, Span<int> idx)
    {
        var num = v.Length;
        for (var i = 0; i < num; i++) idx[i] = i;
        if (num < 2) return;
        Span<int> stack = stackalloc int[128];
        Span<int> depthStack = stackalloc int[64];
        int sp = 0, dp = 0;
        int pl = 0, pr = num - 1;
        var cdepth = (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)num)) * 2;
        while (true)
        {
            if (cdepth < 0)
            {
                HeapSort(v, idx.Slice(pl, pr - pl + 1));
                goto pop;
            }
            while (pr - pl > SmallQuicksort)
            {
                var pm = pl + ((pr - pl) >> 1);
                if (Less(v[idx[pm]], v[idx[pl]])) Swap(idx, pm, pl);
                if (Less(v[idx[pr]], v[idx[pm]])) Swap(idx, pr, pm);
                if (Less(v[idx[pm]], v[idx[pl]])) Swap(idx, pm, pl);
                var vp = v[idx[pm]];
                var pi = pl;
                var pj = pr - 1;
                Swap(idx, pm, pj);
                while (true)
                {
                    do ++pi; while (Less(v[idx[pi]], vp));
                    do --pj; while (Less(vp, v[idx[pj]]));
                    if (pi >= pj) break;
                    Swap(idx, pi, pj);
                }
                Swap(idx, pi, pr - 1);
                if (pi - pl < pr - pi)
                {
                    stack[sp++] = pi + 1; stack[sp++] = pr;
                    pr = pi - 1;
                }
                else
                {
                    stack[sp++] = pl; stack[sp++] = pi - 1;
                    pl = pi + 1;
                }
                depthStack[dp++] = --cdepth;
            }
            for (var pi = pl + 1; pi <= pr; pi++)
            {
                var vi = idx[pi];
                var vp = v[vi];
                var pj = pi;
                while (pj > pl && Less(vp, v[idx[pj - 1]])) { idx[pj] = idx[pj - 1]; pj--; }
                idx[pj] = vi;
            }
        pop:
            if (sp == 0) break;
            pr = stack[--sp];
            pl = stack[--sp];
            cdepth = depthStack[--dp];
        }
    }

    private static void HeapSort(ReadOnlySpan<double> v, Span<int> a1)
    {
        // numpy indexes the heap from 1.
        var n = a1.Length;
        int i, j, l, tmp;
        for (l = n >> 1; l > 0; --l)
        {
            tmp = a1[l - 1];
            for (i = l, j = l << 1; j <= n;)
            {
                if (j < n && Less(v[a1[j - 1]], v[a1[j]])) j++;
                if (Less(v[tmp], v[a1[j - 1]])) { a1[i - 1] = a1[j - 1]; i = j; j += j; }
                else break;
            }
            a1[i - 1] = tmp;
        }
        for (; n > 1;)
        {
            tmp = a1[n - 1];
            a1[n - 1] = a1[0];
            n--;
            for (i = 1, j = 2; j <= n;)
            {
                if (j < n && Less(v[a1[j - 1]], v[a1[j]])) j++;
                if (Less(v[tmp], v[a1[j - 1]])) { a1[i - 1] = a1[j - 1]; i = j; j += j; }
                else break;
            }
            a1[i - 1] = tmp;
        }
    }

    private static void Swap(Span<int> a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
