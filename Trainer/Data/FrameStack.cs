namespace Sweep.Trainer.Data;

/// <summary>A dense float32 stack laid out [Steps, Channels, Height, Width], row-major.</summary>
public sealed record FrameStack(float[] Data, int Steps, int Channels, int Height, int Width)
{
    /// <summary>Allocates a zeroed stack.</summary>
    public static FrameStack Zeros(int steps, int channels, int height, int width) =>
        new(new float[checked(steps * channels * height * width)], steps, channels, height, width);

    /// <summary>Number of H×W planes (Steps·Channels).</summary>
    public int Planes => Steps * Channels;

    /// <summary>Elements per plane.</summary>
    public int PlaneSize => Height * Width;

    /// <summary>Element at (t, c, y, x).</summary>
    public float this[int t, int c, int y, int x] => Data[((t * Channels + c) * Height + y) * Width + x];

    /// <summary>The torch shape [Steps, Channels, Height, Width].</summary>
    public long[] Shape => [Steps, Channels, Height, Width];
}
