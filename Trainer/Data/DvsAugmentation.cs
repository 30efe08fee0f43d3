namespace Sweep.Trainer.Data;

/// <summary>
/// Train-time DVS transforms applied identically to every plane of a [T, 2, H, W] stack:
/// RandomCrop(size, padding) with zero padding, then (KT's --DVS-DA) horizontal flip with p = 0.5 and a
/// rotation uniform in ±<see cref="MaxRotationDegrees"/> (nearest neighbour, zero fill, like torchvision's defaults).
/// </summary>
public sealed record DvsAugmentation(bool RandomCrop, int Padding, bool FlipAndRotate, double MaxRotationDegrees = 15)
{
    /// <summary>No augmentation (validation).</summary>
    public static DvsAugmentation None { get; } = new(false, 0, false);

    /// <summary>Applies the enabled transforms, drawing from <paramref name="rng"/>.</summary>
    public FrameStack Apply(FrameStack frames, Random rng)
    {
        var result = frames;
        if (RandomCrop && Padding > 0) result = Crop(result, rng);
        if (FlipAndRotate)
        {
            if (rng.NextDouble() < 0.5) result = FlipHorizontal(result);
            var degrees = (rng.NextDouble() * 2 - 1) * MaxRotationDegrees;
            result = Rotate(result, degrees);
        }
        return result;
    }

    /// <summary>Pads by <see cref="Padding"/> zeros and cuts a random window of the original size.</summary>
    public FrameStack Crop(FrameStack src, Random rng)
    {
        // Offsets into the padded image; torchvision draws top then left, each uniform in [0, 2·pad].
        var top = rng.Next(2 * Padding + 1) - Padding;
        var left = rng.Next(2 * Padding + 1) - Padding;
        return Shift(src, top, left);
    }

    /// <summary>Output(y, x) = input(y + top, x + left), zero outside.</summary>
    public static FrameStack Shift(FrameStack src, int top, int left)
    {
        var dst = FrameStack.Zeros(src.Steps, src.Channels, src.Height, src.Width);
        for (var p = 0; p < src.Planes; p++)
        {
            var o = p * src.PlaneSize;
            for (var y = 0; y < src.Height; y++)
            {
                var sy = y + top;
                if (sy < 0 || sy >= src.Height) continue;
                var x0 = Math.Max(0, -left);
                var x1 = Math.Min(src.Width, src.Width - left);
                if (x1 > x0)
                    Array.Copy(src.Data, o + sy * src.Width + x0 + left, dst.Data, o + y * src.Width + x0, x1 - x0);
            }
        }
        return dst;
    }

    /// <summary>Mirrors every plane left-right.</summary>
    public static FrameStack FlipHorizontal(FrameStack src)
    {
        var dst = FrameStack.Zeros(src.Steps, src.Channels, src.Height, src.Width);
        for (var row = 0; row < src.Planes * src.Height; row++)
        {
            var o = row * src.Width;
            for (var x = 0; x < src.Width; x++) dst.Data[o + x] = src.Data[o + src.Width - 1 - x];
        }
        return dst;
    }

    /// <summary>Counter-clockwise rotation about the image centre, nearest neighbour, zero fill.</summary>
    public static FrameStack Rotate(FrameStack src, double degrees)
    {
        var dst = FrameStack.Zeros(src.Steps, src.Channels, src.Height, src.Width);
        var a = degrees * Math.PI / 180;
        double cos = Math.Cos(a), sin = Math.Sin(a);
        double cx = (src.Width - 1) / 2.0, cy = (src.Height - 1) / 2.0;
        var map = new int[src.PlaneSize];
        for (var y = 0; y < src.Height; y++)
        for (var x = 0; x < src.Width; x++)
        {
            // Inverse map: rotate the output position back by −a (y grows downwards, so the signs flip).
            double dx = x - cx, dy = y - cy;
            var sx = (int)Math.Round(cx + cos * dx - sin * dy);
            var sy = (int)Math.Round(cy + sin * dx + cos * dy);
            map[y * src.Width + x] = sx >= 0 && sx < src.Width && sy >= 0 && sy < src.Height ? sy * src.Width + sx : -1;
        }
        for (var p = 0; p < src.Planes; p++)
        {
            var o = p * src.PlaneSize;
            for (var i = 0; i < map.Length; i++)
                if (map[i] >= 0) dst.Data[o + i] = src.Data[o + map[i]];
        }
        return dst;
    }
}
