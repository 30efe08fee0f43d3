namespace Sweep.Trainer.Data;

/// <summary>What a file-backed dataset's index pass yields: the DVS train and held-out files and the RGB pool.</summary>
public sealed record FileSplits(FileSample[] Train, FileSample[] Val, RgbPool Rgb);
