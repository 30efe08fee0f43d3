using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>
/// One ask's model fitting (Optuna's <c>_sample_relative</c> / <c>sample_independent</c> after startup): gather
/// below and above observations of some parameters, fit l(x) and g(x), draw candidates from l and keep the one
/// with the largest log l − log g.
/// </summary>
internal sealed class TpeContext(
    TpeObservations obs, List<TrialRecord> running, ParzenSettings settings, int candidates, NumpyRandomState rng)
{
    /// <summary>Samples <paramref name="dims"/> jointly and writes their internal values into <paramref name="into"/>.</summary>
    public void SampleJoint(TpeDimension[] dims, TpeSplit split, Dictionary<string, double> into)
    {
        // As in Optuna, whether a trial observed the group is read off its first parameter.
        var first = obs.Column(dims[0].SpaceIndex);
        var n = obs.Count;
        var below = new List<int>();
        var above = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(first[i])) continue;
            (split.IsBelow[i] ? below : above).Add(i);
        }
        var liars = running.Where(t => t.Params.ContainsKey(dims[0].Name)).ToList();
        var belowObs = Gather(dims, below, []);
        var aboveObs = Gather(dims, above, liars);
        var lower = new ParzenEstimator(dims, belowObs, below.Count, settings);
        var upper = new ParzenEstimator(dims, aboveObs, above.Count + liars.Count, settings);
        var samples = lower.Sample(rng, candidates);
        Span<double> logL = stackalloc double[candidates];
        Span<double> logG = stackalloc double[candidates];
        ParzenLogPdf.Evaluate(lower, samples, logL, settings.ScaleCorrectDensity);
        ParzenLogPdf.Evaluate(upper, samples, logG, settings.ScaleCorrectDensity);
        var best = ArgMax(logL, logG);
        for (var d = 0; d < dims.Length; d++) into[dims[d].Name] = samples[d][best];
    }

    /// <summary>Model-space columns of the chosen finished trials merged with the liars by trial number.</summary>
    private double[][] Gather(TpeDimension[] dims, List<int> finished, List<TrialRecord> liars)
    {
        var total = finished.Count + liars.Count;
        var result = new double[dims.Length][];
        for (var d = 0; d < dims.Length; d++)
        {
            var col = obs.Column(dims[d].SpaceIndex);
            var outD = result[d] = new double[total];
            int a = 0, b = 0;
            for (var k = 0; k < total; k++)
            {
                var takeFinished = b >= liars.Count || (a < finished.Count && obs.Number(finished[a]) < liars[b].Number);
                outD[k] = takeFinished
                    ? col[finished[a++]]
                    : liars[b].Params.TryGetValue(dims[d].Name, out var v) ? dims[d].ToModel(v) : double.NaN;
                if (!takeFinished) b++;
            }
        }
        return result;
    }

    /// <summary>
    /// np.argmax(log_l − log_g): the first maximum, or the first NaN when there is one. Categorical candidates
    /// often tie in exact arithmetic; numpy's SIMD log and libm's log can then round the two scores one ulp
    /// apart in different directions, which is the one place a seeded run can leave Optuna's path.
    /// </summary>
    internal static int ArgMax(ReadOnlySpan<double> logL, ReadOnlySpan<double> logG)
    {
        var best = 0;
        var bestScore = logL[0] - logG[0];
        if (double.IsNaN(bestScore)) return 0;
        for (var i = 1; i < logL.Length; i++)
        {
            var s = logL[i] - logG[i];
            if (double.IsNaN(s)) return i;
            if (s > bestScore) { best = i; bestScore = s; }
        }
        return best;
    }
}
