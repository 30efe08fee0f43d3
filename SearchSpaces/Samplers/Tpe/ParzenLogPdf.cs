using System.Buffers;
using System.Numerics;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Optuna's <c>_ParzenEstimator.log_pdf</c> for a batch of candidates, arranged for speed: per-kernel
/// normalisers once per call, continuous kernels in SIMD lanes, discrete bin masses once per distinct
/// (candidate, kernel) pair, and a vectorised log-sum-exp. Values agree with Optuna's to rounding.
/// </summary>
internal static class ParzenLogPdf
{
    private static readonly double NormPdfLogC = Math.Log(Math.Sqrt(2 * Math.PI));

    /// <param name="samples">Internal values, one array per dimension of <paramref name="pe"/>.</param>
    public static void Evaluate(ParzenEstimator pe, double[][] samples, Span<double> into, bool scaleCorrect)
    {
        var size = into.Length;
        if (size == 0) return;
        var dims = pe.Dims;
        if (dims.Length == 1 && dims[0].IsCategorical)
        {
            SingleCategorical(pe, samples[0], into);
            return;
        }
        var K = pe.K;
        var buf = ArrayPool<double>.Shared.Rent(size * K);
        try
        {
            Array.Clear(buf, 0, size * K);
            for (var d = 0; d < dims.Length; d++)
            {
                var dim = dims[d];
                if (dim.IsCategorical) AddCategorical(pe.CategoricalWeights[d], dim.Choices, samples[d], buf, K);
                else if (dim.Q > 0) AddDiscrete(dim, pe.Mus[d], pe.Sigmas[d], samples[d], buf, K);
                else AddContinuous(dim, pe.Mus[d], pe.Sigmas[d], samples[d], buf, K, scaleCorrect);
            }
            for (var i = 0; i < size; i++) into[i] = LogSumExpWeighted(buf.AsSpan(i * K, K), pe.LogWeights);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buf);
        }
    }

    // Optuna's shortcut when the only dimension is categorical: log of the weighted column sum.
    private static void SingleCategorical(ParzenEstimator pe, double[] samples, Span<double> into)
    {
        var c = pe.Dims[0].Choices;
        var cw = pe.CategoricalWeights[0];
        Span<double> col = stackalloc double[c];
        col.Clear();
        for (var k = 0; k < pe.K; k++)
            for (var j = 0; j < c; j++) col[j] += cw[k * c + j] * pe.Weights[k];
        for (var i = 0; i < into.Length; i++) into[i] = Math.Log(col[(int)samples[i]]);
    }

    private static void AddCategorical(double[] cw, int c, double[] samples, double[] buf, int K)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var j = (int)samples[i];
            var row = buf.AsSpan(i * K, K);
            for (var k = 0; k < K; k++) row[k] += Math.Log(cw[k * c + j]);
        }
    }

    private static void AddContinuous(TpeDimension dim, double[] mus, double[] sigmas, double[] samples, double[] buf, int K, bool scaleCorrect)
    {
        var lo = ArrayPool<double>.Shared.Rent(K);
        var hi = ArrayPool<double>.Shared.Rent(K);
        var norm = ArrayPool<double>.Shared.Rent(K);
        try
        {
            for (var k = 0; k < K; k++)
            {
                lo[k] = (dim.Low - mus[k]) / sigmas[k];
                hi[k] = (dim.High - mus[k]) / sigmas[k];
                // log √(2π) + log mass: what each kernel subtracts from −z²/2 (plus log σ when scale-correct).
                norm[k] = NormPdfLogC + TruncNorm.LogGaussMass(lo[k], hi[k]) + (scaleCorrect ? Math.Log(sigmas[k]) : 0.0);
            }
            var w = Vector<double>.Count;
            var negInf = new Vector<double>(double.NegativeInfinity);
            var half = new Vector<double>(0.5);
            for (var i = 0; i < samples.Length; i++)
            {
                var x = dim.ToModel(samples[i]);
                var xv = new Vector<double>(x);
                var row = buf.AsSpan(i * K, K);
                var k = 0;
                for (; k <= K - w; k += w)
                {
                    var z = (xv - new Vector<double>(mus, k)) / new Vector<double>(sigmas, k);
                    var v = -(z * z) * half - new Vector<double>(norm, k);
                    var outside = Vector.LessThan(z, new Vector<double>(lo, k)) | Vector.GreaterThan(z, new Vector<double>(hi, k));
                    v = Vector.ConditionalSelect(outside, negInf, v);
                    (new Vector<double>(row[k..]) + v).CopyTo(row[k..]);
                }
                for (; k < K; k++)
                {
                    var z = (x - mus[k]) / sigmas[k];
                    row[k] += z < lo[k] || z > hi[k] ? double.NegativeInfinity : -(z * z) * 0.5 - norm[k];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(lo);
            ArrayPool<double>.Shared.Return(hi);
            ArrayPool<double>.Shared.Return(norm);
        }
    }

    private static void AddDiscrete(TpeDimension dim, double[] mus, double[] sigmas, double[] samples, double[] buf, int K)
    {
        // Kernels repeat (mu, sigma) pairs on a grid, and candidates repeat values: evaluate each pair once.
        var kernelIds = new int[K];
        var distinct = new Dictionary<(double, double), int>();
        var reps = new List<int>();
        for (var k = 0; k < K; k++)
        {
            if (!distinct.TryGetValue((mus[k], sigmas[k]), out var id))
            {
                id = reps.Count;
                distinct[(mus[k], sigmas[k])] = id;
                reps.Add(k);
            }
            kernelIds[k] = id;
        }
        var accept = new double[reps.Count];
        for (var r = 0; r < reps.Count; r++)
        {
            var k = reps[r];
            accept[r] = TruncNorm.LogGaussMass((dim.Low - mus[k]) / sigmas[k], (dim.High - mus[k]) / sigmas[k]);
        }
        var cache = new Dictionary<double, double[]>();
        for (var i = 0; i < samples.Length; i++)
        {
            var x = dim.ToModel(samples[i]);
            if (!cache.TryGetValue(x, out var table))
            {
                table = new double[reps.Count];
                var upper = Math.Min(x + dim.Q / 2.0, dim.High);
                var lower = Math.Max(x - dim.Q / 2.0, dim.Low);
                for (var r = 0; r < reps.Count; r++)
                {
                    var k = reps[r];
                    table[r] = TruncNorm.LogGaussMass((lower - mus[k]) / sigmas[k], (upper - mus[k]) / sigmas[k]) - accept[r];
                }
                cache[x] = table;
            }
            var row = buf.AsSpan(i * K, K);
            for (var k = 0; k < K; k++) row[k] += table[kernelIds[k]];
        }
    }

    private static double LogSumExpWeighted(Span<double> row, double[] logWeights)
    {
        var K = row.Length;
        var max = double.NegativeInfinity;
        for (var k = 0; k < K; k++)
        {
            row[k] += logWeights[k];
            if (row[k] > max) max = row[k];
        }
        return SumExp(row, max);
    }

    /// <summary>
    /// log Σ exp(row − max) + max, lanes accumulated in stride order then the scalar tail (the one summation
    /// order both the general and the univariate path use, so their bits agree). NaN when every entry is −inf,
    /// as numpy's −inf − (−inf).
    /// </summary>
    internal static double SumExp(ReadOnlySpan<double> row, double max)
    {
        if (double.IsNegativeInfinity(max)) return double.NaN;
        var K = row.Length;
        var w = Vector<double>.Count;
        var mv = new Vector<double>(max);
        var acc = Vector<double>.Zero;
        var i = 0;
        // Vector.Exp leaves its fast path for arguments below about −709; anything that small adds nothing to a
        // sum that holds exp(0) = 1, so clamping keeps the bits and the speed.
        var floor = new Vector<double>(-700.0);
        for (; i <= K - w; i += w) acc += Vector.Exp(Vector.Max(new Vector<double>(row[i..]) - mv, floor));
        var sum = Vector.Sum(acc);
        for (; i < K; i++) sum += Math.Exp(row[i] - max);
        return Math.Log(sum) + max;
    }
}
