namespace Sweep.Trainer.Data;

/// <summary>An 8-bit RGB image, interleaved row-major (H·W·3 bytes).</summary>
public sealed record RgbImage(byte[] Pixels, int Height, int Width)
{
    /// <summary>HSV value channel V = max(R, G, B)/255 as one [H, W] plane (cv2 RGB→HSV then ToTensor).</summary>
    public float[] ValuePlane()
    {
        var v = new float[Height * Width];
        for (var i = 0; i < v.Length; i++)
        {
            var o = 3 * i;
            v[i] = Math.Max(Pixels[o], Math.Max(Pixels[o + 1], Pixels[o + 2])) / 255f;
        }
        return v;
    }

    /// <summary>Colour planes [3, H, W] in [0, 1] (for an ANN teacher).</summary>
    public float[] ColourPlanes()
    {
        var n = Height * Width;
        var c = new float[3 * n];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < 3; k++) c[k * n + i] = Pixels[3 * i + k] / 255f;
        return c;
    }

    /// <summary>Bilinear resize with half-pixel centres (cv2 INTER_LINEAR), rounded back to bytes.</summary>
    public RgbImage Resize(int height, int width)
    {
        if (height == Height && width == Width) return this;
        var planes = new float[3 * Height * Width];
        var n = Height * Width;
        for (var i = 0; i < n; i++)
            for (var k = 0; k < 3; k++) planes[k * n + i] = Pixels[3 * i + k];
        var resized = FrameResize.BilinearHalfPixel(new FrameStack(planes, 1, 3, Height, Width), height, width);
        var m = height * width;
        var pixels = new byte[3 * m];
        for (var i = 0; i < m; i++)
            for (var k = 0; k < 3; k++)
                pixels[3 * i + k] = (byte)Math.Clamp(Math.Round(resized.Data[k * m + i]), 0, 255);
        return new RgbImage(pixels, height, width);
    }
}
