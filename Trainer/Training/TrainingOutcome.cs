namespace Sweep.Trainer.Training;

/// <summary>
/// What a finished (or stopped) <see cref="ITrainingMethod.Train"/> reports: the last validation accuracy, trainable
/// parameter count, synaptic operations per validation sample and RGB-input accuracy. Null where not measured.
/// </summary>
public sealed record TrainingOutcome(double? ValTop1, long? Params, double? SopsPerSample = null, double? ValRgbTop1 = null);
