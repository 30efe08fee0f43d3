using System.Numerics;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// <see cref="ParzenLogPdf"/> for one continuous dimension with the kernel normalisers supplied (cached across
/// asks), fused into one pass per candidate over a reused row. The arithmetic is the general path's, operation
/// for operation, so both give the same bits.
/// </summary>
internal static class ParzenUnivariateLogPdf
{
    private static readonly double NormPdfLogC = Math.Log(Math.Sqrt(2 * Math.PI));

    /// <summary>The term each kernel subtracts from −z²/2: log √(2π) + log mass (+ log σ when scale-correct).</summary>
    public static double Norm(TpeDimension dim, double mu, double sigma, bool scaleCorrect) =>
        NormPdfLogC + TruncNorm.LogGaussMass((dim.Low - mu) / sigma, (dim.High - mu) / sigma) + (scaleCorrect ? Math.Log(sigma) : 0.0);

    public static void Evaluate(ParzenEstimator pe, double[] norms, double[] samples, Span<double> into, double[] row)
    {
        var dim = pe.Dims[0];
        var mus = pe.Mus[0];
        var sigmas = pe.Sigmas[0];
        var logW = pe.LogWeights;
        var K = pe.K;
        var w = Vector<double>.Count;
        var half = new Vector<double>(0.5);
        for (var i = 0; i < into.Length; i++)
        {
            var x = dim.ToModel(samples[i]);
            // Rounding is monotone, so x inside the bounds puts z inside every kernel's [lo, hi]; outside is rare.
            if (!(x >= dim.Low && x <= dim.High))
            {
                into[i] = Outside(dim, mus, sigmas, norms, logW, x, row.AsSpan(0, K));
                continue;
            }
            var xv = new Vector<double>(x);
            var maxV = new Vector<double>(double.NegativeInfinity);
            var k = 0;
            for (; k <= K - w; k += w)
            {
                var z = (xv - new Vector<double>(mus, k)) / new Vector<double>(sigmas, k);
                var v = -(z * z) * half - new Vector<double>(norms, k) + new Vector<double>(logW, k);
                v.CopyTo(row, k);
                maxV = Vector.Max(maxV, v);
            }
            var max = double.NegativeInfinity;
            for (var j = 0; j < w; j++) if (maxV[j] > max) max = maxV[j];
            for (; k < K; k++)
            {
                var z = (x - mus[k]) / sigmas[k];
                row[k] = -(z * z) * 0.5 - norms[k] + logW[k];
                if (row[k] > max) max = row[k];
            }
            into[i] = ParzenLogPdf.SumExp(row.AsSpan(0, K), max);
        }
    }

    private static double Outside(TpeDimension dim, double[] mus, double[] sigmas, double[] norms, double[] logW, double x, Span<double> row)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < row.Length; k++)
        {
            var z = (x - mus[k]) / sigmas[k];
            var lo = (dim.Low - mus[k]) / sigmas[k];
            var hi = (dim.High - mus[k]) / sigmas[k];
            row[k] = (z < lo || z > hi ? double.NegativeInfinity : -(z * z) * 0.5 - norms[k]) + logW[k];
            if (row[k] > max) max = row[k];
        }
        return ParzenLogPdf.SumExp(row, max);
    }
}
