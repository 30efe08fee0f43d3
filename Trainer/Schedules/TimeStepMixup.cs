using Sweep.Trainer.Snn;
using static TorchSharp.torch;

namespace Sweep.Trainer.Schedules;

/// <summary>
/// TMKT truncated time-step mixup (methods.md §3.2): u_t ~ U(0,1) for t = 1..T, t* = min{t : u_t &lt; p}, frames
/// t ≥ t* are event frames; K = T + 1 − t* (0 if no u_t &lt; p). p is solved from the expected ratio
/// r_m = E[K]/T = (T − ((1−p)/p)(1 − (1−p)^T))/T by bisection.
/// </summary>
public static class TimeStepMixup
{
    /// <summary>E[K]/T for per-step probability p.</summary>
    public static double ExpectedRatio(double p, int timeSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeSteps, 1, nameof(timeSteps));
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        var q = 1 - p;
        return (timeSteps - q / p * (1 - Math.Pow(q, timeSteps))) / timeSteps;
    }

    /// <summary>p with ExpectedRatio(p, T) = r_m (monotone in p, so bisection converges).</summary>
    public static double SolveProbability(double mixRatio, int timeSteps, double tolerance = 1e-12)
    {
        if (mixRatio is < 0 or > 1 || double.IsNaN(mixRatio))
            throw new ArgumentOutOfRangeException(nameof(mixRatio), mixRatio, "the mix ratio r_m must lie in [0, 1]");
        if (mixRatio == 0) return 0;
        if (mixRatio == 1) return 1;
        double lo = 0, hi = 1;
        while (hi - lo > tolerance)
        {
            var mid = 0.5 * (lo + hi);
            if (ExpectedRatio(mid, timeSteps) < mixRatio) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Draws t* for <paramref name="batch"/> sequences: the 0-based first event step per sample [B] (int64;
    /// T means none), and the modality mask [T,B] (1 = event frame, float32) that selects
    /// <c>where(mask, dvs, rgb)</c> and is MAG's target; K/T = mask.mean(0) is MRP's target.
    /// </summary>
    public static (Tensor FirstEventStep, Tensor Modality) Sample(double p, int timeSteps, long batch, Generator generator)
    {
        using var scope = NewDisposeScope();
        var u = rand(new long[] { timeSteps, batch }, generator: generator);
        var hit = u.Lt(p);
        // First hit per column: cumulative "any hit so far" is exactly m_t = 1[t ≥ t*].
        var modality = hit.to(ScalarType.Int64).cumsum(0).Gt(0).to(ScalarType.Float32);
        var first = modality.sum([0]).neg().Add(timeSteps).to(ScalarType.Int64);
        return (first.MoveToOuterDisposeScope(), modality.MoveToOuterDisposeScope());
    }
}
