namespace Sweep.Trainer.Training;

/// <summary>What an epoch measured; <see cref="TrainingSession.EndEpoch"/> turns it into a progress line and a checkpoint.</summary>
public sealed record EpochSummary(
    int Epoch, long GlobalStep, double? Loss, double? TrainTop1, double? ValTop1, double? SamplesPerS, double? Lr);
