namespace Sweep.Trainer.Data;

/// <summary>A file-backed sample: its path and label.</summary>
public sealed record FileSample(string Path, int Label);
