using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// Independent TPE for one parameter (what <see cref="TpeContext.SampleJoint"/> does for a single dimension),
/// arranged for long histories: kernel sets and their sorted order come from <see cref="TpeColumnIndex"/> in
/// linear passes, kernel normalisers are reused across asks, and continuous scoring is fused. Same
/// parameters as the general path, bit for bit: ties in the centres still go through numpy's argsort.
/// </summary>
internal sealed class TpeUnivariate(TpeObservations obs, ParzenSettings settings, int candidates, NumpyRandomState rng)
{
    private readonly TpeKernelSet _below = new();
    private readonly TpeKernelSet _above = new();
    private int[] _slot = [];
    private double[] _row = [];
    private double[] _norms = [];
    private int[] _order = [];

    public double Sample(TpeDimension dim, TpeSplit split, List<TrialRecord> running)
    {
        var n = obs.Count;
        var col = obs.Column(dim.SpaceIndex);
        ScratchArray.AtLeast(ref _slot, n);
        _below.Clear();
        _above.Clear();
        // Chronological kernel order; liars join the above set by trial number, as in TpeContext.Gather.
        var b = 0;
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(col[i])) { _slot[i] = 0; continue; }
            if (split.IsBelow[i]) { _slot[i] = _below.Count + 1; _below.Add(col[i], i); continue; }
            for (; b < running.Count && running[b].Number < obs.Number(i); b++) AddLiar(dim, running[b]);
            _slot[i] = -(_above.Count + 1);
            _above.Add(col[i], i);
        }
        for (; b < running.Count; b++) AddLiar(dim, running[b]);

        var withPrior = settings.ConsiderPrior;
        var lower = Build(dim, _below, withPrior, 1);
        var upper = Build(dim, _above, withPrior, -1);
        var samples = lower.Sample(rng, candidates);
        Span<double> logL = stackalloc double[candidates];
        Span<double> logG = stackalloc double[candidates];
        Score(lower, _below, samples[0], logL);
        Score(upper, _above, samples[0], logG);
        return samples[0][TpeContext.ArgMax(logL, logG)];
    }

    private void AddLiar(TpeDimension dim, TrialRecord t)
    {
        if (t.Params.TryGetValue(dim.Name, out var v)) _above.Add(dim.ToModel(v), -1);
    }

    private ParzenEstimator Build(TpeDimension dim, TpeKernelSet set, bool considerPrior, int sign)
    {
        var n = set.Count;
        var data = set.Values();
        if (dim.IsCategorical) return new ParzenEstimator([dim], [data], n, settings);
        var prior = considerPrior || n == 0;
        var m = prior ? n + 1 : n;
        // The estimator reads the order only while it is built, so one buffer serves every ask.
        var order = ScratchArray.AtLeast(ref _order, m);
        var sorted = obs.Index(dim.SpaceIndex).Sorted;
        var filled = 0;
        foreach (var i in sorted)
        {
            var s = _slot[i] * sign;
            if (s > 0) order[filled++] = s - 1;
        }
        var priorMu = 0.5 * (dim.Low + dim.High);
        if (!set.MergeExtras(order, m, filled, prior ? priorMu : double.NaN, n) || HasTies(data, order, m, priorMu, n))
            return new ParzenEstimator([dim], [data], n, settings);
        return new ParzenEstimator([dim], [data], n, settings, order);
    }

    // Any sort order is numpy's when no two centres are equal; with ties only numpy's own argsort is.
    private static bool HasTies(double[] data, int[] order, int m, double priorMu, int n)
    {
        for (var j = 1; j < m; j++)
        {
            var a = order[j - 1] == n ? priorMu : data[order[j - 1]];
            var c = order[j] == n ? priorMu : data[order[j]];
            if (a == c) return true;
        }
        return false;
    }

    private void Score(ParzenEstimator pe, TpeKernelSet set, double[] samples, Span<double> into)
    {
        var dim = pe.Dims[0];
        if (dim.IsCategorical || dim.Q > 0)
        {
            ParzenLogPdf.Evaluate(pe, [samples], into, settings.ScaleCorrectDensity);
            return;
        }
        var norms = ScratchArray.AtLeast(ref _norms, pe.K);
        var index = obs.Index(dim.SpaceIndex);
        var mus = pe.Mus[0];
        var sigmas = pe.Sigmas[0];
        for (var k = 0; k < pe.K; k++)
        {
            var src = k < set.Count ? set.Source(k) : -1;
            if (src >= 0 && index.TryGetNorm(src, sigmas[k], out var cached)) { norms[k] = cached; continue; }
            norms[k] = ParzenUnivariateLogPdf.Norm(dim, mus[k], sigmas[k], settings.ScaleCorrectDensity);
            if (src >= 0) index.SetNorm(src, sigmas[k], norms[k]);
        }
        ParzenUnivariateLogPdf.Evaluate(pe, norms, samples, into, ScratchArray.AtLeast(ref _row, pe.K));
    }
}
