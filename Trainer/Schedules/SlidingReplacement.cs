namespace Sweep.Trainer.Schedules;

/// <summary>KT sliding replacement (methods.md §2.1 step 4): P = min(1, progress^pow),
/// progress = (i + e·N_b)/(E·N_b).</summary>
public static class SlidingReplacement
{
    /// <param name="batchIndex">i, 0-based within the epoch.</param>
    /// <param name="epoch">e, 0-based.</param>
    /// <param name="batchesPerEpoch">N_b.</param>
    /// <param name="epochs">E (the replacement horizon; KT uses the number of epochs).</param>
    /// <param name="power">KT's <c>--pow</c>, default 3.</param>
    public static double Probability(long batchIndex, long epoch, long batchesPerEpoch, double epochs, double power = 3.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchesPerEpoch, 1, nameof(batchesPerEpoch));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(epochs, 0.0, nameof(epochs));
        var progress = (batchIndex + epoch * (double)batchesPerEpoch) / (epochs * batchesPerEpoch);
        return Math.Min(1.0, Math.Pow(Math.Max(progress, 0.0), power));
    }

    /// <summary>KT's <c>--no-sliding-training</c> ablation: 0 for e ≤ E/2, then 1.</summary>
    public static double Step(long epoch, long epochs) => epoch <= epochs / 2.0 ? 0.0 : 1.0;
}
