namespace Sweep.SearchSpaces.Importance;

/// <summary>
/// sklearn's splitter sort: introsort (median-of-three pivot, three-way partition, heapsort past depth 2·log₂ n) of
/// feature values carrying their sample indices. It is not stable, and the order it leaves equal values in decides
/// later summation orders, so it is reproduced rather than replaced by <see cref="Array.Sort(Array)"/>.
/// </summary>
internal static class SplitSort
{
    public static void Sort(Span<float> xf, Span<int> samples)
    {
        if (xf.Length == 0) return;
        // sklearn's tree _utils.log is log base 2, computed as ln(x) / ln(2).
        IntroSort(xf, samples, 2 * (int)(Math.Log(xf.Length) / Math.Log(2.0)));
    }

    private static void IntroSort(Span<float> xf, Span<int> samples, int maxDepth)
    {
        while (xf.Length > 1)
        {
            if (maxDepth <= 0)
            {
                HeapSort(xf, samples);
                return;
            }
            maxDepth--;
            var pivot = Median3(xf);
            int i = 0, l = 0, r = xf.Length;
            while (i < r)
            {
                if (xf[i] < pivot) Swap(xf, samples, i++, l++);
                else if (xf[i] > pivot) Swap(xf, samples, i, --r);
                else i++;
            }
            IntroSort(xf[..l], samples[..l], maxDepth);
            xf = xf[r..];
            samples = samples[r..];
        }
    }

    private static float Median3(ReadOnlySpan<float> xf)
    {
        float a = xf[0], b = xf[xf.Length / 2], c = xf[^1];
        if (a < b) return b < c ? b : a < c ? c : a;
        if (b < c) return a < c ? a : c;
        return b;
    }

    private static void Swap(Span<float> xf, Span<int> samples, int i, int j)
    {
        (xf[i], xf[j]) = (xf[j], xf[i]);
        (samples[i], samples[j]) = (samples[j], samples[i]);
    }

    private static void SiftDown(Span<float> xf, Span<int> samples, int start, int end)
    {
        var root = start;
        while (true)
        {
            var child = root * 2 + 1;
            var max = root;
            if (child < end && xf[max] < xf[child]) max = child;
            if (child + 1 < end && xf[max] < xf[child + 1]) max = child + 1;
            if (max == root) return;
            Swap(xf, samples, root, max);
            root = max;
        }
    }

    private static void HeapSort(Span<float> xf, Span<int> samples)
    {
        var n = xf.Length;
        for (var start = (n - 2) / 2; ; start--)
        {
            SiftDown(xf, samples, start, n);
            if (start == 0) break;
        }
        for (var end = n - 1; end > 0; end--)
        {
            Swap(xf, samples, 0, end);
            SiftDown(xf, samples, 0, end);
        }
    }
}
