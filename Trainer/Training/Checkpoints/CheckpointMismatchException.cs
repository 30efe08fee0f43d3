namespace Sweep.Trainer.Training.Checkpoints;

/// <summary>A <c>--resume</c> refused because the config changes the run; the message lists each changed key.</summary>
public sealed class CheckpointMismatchException(string message) : Exception(message);
