namespace Sweep.Trainer.Methods;

/// <summary>Where a batch sits in training: schedules (replacement, mix ratio, KD weight) read it.</summary>
/// <param name="BatchIndex">0-based within the epoch.</param>
/// <param name="Epoch">0-based.</param>
public sealed record BatchContext(long BatchIndex, int Epoch, long BatchesPerEpoch, int Epochs)
{
    /// <summary>Fraction of training done, in [0, 1].</summary>
    public double Progress => Math.Min(1.0, (BatchIndex + Epoch * (double)BatchesPerEpoch) / (Epochs * (double)BatchesPerEpoch));
}
