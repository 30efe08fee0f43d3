using System.Buffers;
using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Optuna 3.1's <c>_ParzenEstimator</c>: one kernel per observation plus the prior, over one parameter
/// (independent mode) or several (multivariate product kernels). Observations arrive in the model space and in
/// chronological order, which the weight ramp depends on.
/// </summary>
internal sealed class ParzenEstimator
{
    /// <param name="order">
    /// For one numerical dimension, the argsort of its kernel centres (observations, then the prior) when the
    /// caller already knows it; null sorts here as numpy would.
    /// </param>
    public ParzenEstimator(TpeDimension[] dims, double[][] observations, int n, ParzenSettings s, int[]? order = null)
    {
        Dims = dims;
        N = n;
        var prior = s.ConsiderPrior || n == 0;
        K = prior ? n + 1 : n;
        Weights = new double[K];
        TpeWeights.DefaultWeights(n, Weights);
        if (prior) Weights[n] = s.PriorWeight;
        var total = NumpyMath.PairwiseSum(Weights);
        LogWeights = new double[K];
        for (var k = 0; k < K; k++) { Weights[k] /= total; LogWeights[k] = Math.Log(Weights[k]); }

        Mus = new double[dims.Length][];
        Sigmas = new double[dims.Length][];
        CategoricalWeights = new double[dims.Length][];
        // Scott's-rule variant of BOHB; the dimension count includes categoricals, as in Optuna.
        var sigma0 = 0.2 * Math.Pow(Math.Max(n, 1), -1.0 / (dims.Length + 4));
        for (var d = 0; d < dims.Length; d++)
        {
            var dim = dims[d];
            if (dim.IsCategorical) CategoricalWeights[d] = CategoricalParams(dim, observations[d], n, prior, s.PriorWeight);
            else (Mus[d], Sigmas[d]) = NumericalParams(dim, observations[d], n, prior, s, sigma0, order);
        }
    }

    public TpeDimension[] Dims { get; }
    public int N { get; }
    /// <summary>Kernel count: observations, then the prior when present.</summary>
    public int K { get; }
    public double[] Weights { get; }
    public double[] LogWeights { get; }
    public double[][] Mus { get; }
    public double[][] Sigmas { get; }
    /// <summary>Row-major K × choices, rows normalised.</summary>
    public double[][] CategoricalWeights { get; }

    private static double[] CategoricalParams(TpeDimension dim, double[] obs, int n, bool prior, double priorWeight)
    {
        var c = dim.Choices;
        var rows = prior ? n + 1 : n;
        var value = prior ? priorWeight / (n + 1) : priorWeight / n;
        var w = new double[rows * c];
        Array.Fill(w, value);
        for (var i = 0; i < n; i++) w[i * c + (int)obs[i]] += 1;
        for (var r = 0; r < rows; r++)
        {
            var row = w.AsSpan(r * c, c);
            var sum = NumpyMath.PairwiseSum(row);
            for (var j = 0; j < c; j++) row[j] /= sum;
        }
        return w;
    }

    private static (double[] Mus, double[] Sigmas) NumericalParams(
        TpeDimension dim, double[] obs, int n, bool prior, ParzenSettings s, double sigma0, int[]? known)
    {
        double low = dim.Low, high = dim.High;
        var m = prior ? n + 1 : n;
        var mus = new double[m];
        obs.AsSpan(0, n).CopyTo(mus);
        if (prior) mus[n] = 0.5 * (low + high);
        var sigmas = new double[m];
        if (s.Multivariate)
        {
            Array.Fill(sigmas, sigma0 * (high - low));
        }
        else
        {
            // hyperopt's rule: the larger gap to a neighbour, with the bounds as outer neighbours.
            var order = known;
            if (order is null)
            {
                order = new int[m];
                NumpySort.ArgSort(mus, order);
            }
            // Scratch from the pool: an ask builds two estimators per parameter, each as long as the history.
            var ext = ArrayPool<double>.Shared.Rent(m + 2);
            var sorted = ArrayPool<double>.Shared.Rent(m);
            ext[0] = low;
            for (var i = 0; i < m; i++) ext[i + 1] = mus[order[i]];
            ext[m + 1] = high;
            for (var i = 0; i < m; i++) sorted[i] = Math.Max(ext[i + 1] - ext[i], ext[i + 2] - ext[i + 1]);
            if (!s.ConsiderEndpoints && m >= 2)
            {
                sorted[0] = ext[2] - ext[1];
                sorted[m - 1] = ext[m] - ext[m - 1];
            }
            for (var i = 0; i < m; i++) sigmas[order[i]] = sorted[i];
            ArrayPool<double>.Shared.Return(ext);
            ArrayPool<double>.Shared.Return(sorted);
        }
        var maxSigma = 1.0 * (high - low);
        var minSigma = s.ConsiderMagicClip ? 1.0 * (high - low) / Math.Min(100.0, 1.0 + m) : 1e-12;
        for (var i = 0; i < m; i++) sigmas[i] = Math.Min(Math.Max(sigmas[i], minSigma), maxSigma);
        if (prior) sigmas[n] = 1.0 * (high - low);
        return (mus, sigmas);
    }

    /// <summary>
    /// Draws <paramref name="size"/> points from the mixture (Optuna's <c>sample</c>): kernel indices by
    /// <c>choice(p=weights)</c>, then per dimension in order a categorical draw or a truncated-normal ppf.
    /// Results are internal values (rounded onto grids), one array per dimension.
    /// </summary>
    public double[][] Sample(NumpyRandomState rng, int size)
    {
        var active = new int[size];
        rng.Choice(Weights, active, new double[K]);
        var u = new double[size];
        var result = new double[Dims.Length][];
        for (var d = 0; d < Dims.Length; d++)
        {
            var dim = Dims[d];
            var outD = result[d] = new double[size];
            rng.RandomSample(u);
            if (dim.IsCategorical)
            {
                var c = dim.Choices;
                var cw = CategoricalWeights[d];
                for (var i = 0; i < size; i++)
                {
                    // np.sum(cumsum(row) < u)
                    var acc = 0.0;
                    var count = 0;
                    for (var j = 0; j < c; j++) { acc += cw[active[i] * c + j]; if (acc < u[i]) count++; }
                    outD[i] = count;
                }
                continue;
            }
            var mus = Mus[d];
            var sigmas = Sigmas[d];
            for (var i = 0; i < size; i++)
            {
                var k = active[i];
                var a = (dim.Low - mus[k]) / sigmas[k];
                var b = (dim.High - mus[k]) / sigmas[k];
                outD[i] = dim.FromModel(TruncNorm.Ppf(u[i], a, b) * sigmas[k] + mus[k]);
            }
        }
        return result;
    }
}
