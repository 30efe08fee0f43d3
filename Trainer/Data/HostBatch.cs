namespace Sweep.Trainer.Data;

/// <summary>
/// One batch as plain arrays (built on the prefetch thread): <see cref="Dvs"/> is [T, B, 2, H, W],
/// <see cref="RgbValue"/> [B, 1, H, W], <see cref="RgbColour"/> [B, 3, H, W] (both null when the split is not
/// paired), <see cref="Labels"/> [B].
/// </summary>
public sealed record HostBatch(float[] Dvs, float[]? RgbValue, float[]? RgbColour, long[] Labels, int Steps, int Size)
{
    /// <summary>Batch size B.</summary>
    public int BatchSize => Labels.Length;
}
