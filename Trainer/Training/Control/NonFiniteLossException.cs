namespace Sweep.Trainer.Training.Control;

/// <summary>A NaN or infinite loss; the run ends with <c>status: failed</c> and this message as <c>error</c>.</summary>
public sealed class NonFiniteLossException(string message) : Exception(message);
