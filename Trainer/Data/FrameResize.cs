namespace Sweep.Trainer.Data;

/// <summary>Plane-wise resampling of a <see cref="FrameStack"/> (pure C#, so it can run on the prefetch thread).</summary>
public static class FrameResize
{
    /// <summary>
    /// Bilinear with align_corners=True (torch F.interpolate): output pixel i samples input coordinate
    /// i·(in−1)/(out−1), so the corner pixels map exactly onto each other.
    /// </summary>
    public static FrameStack BilinearAlignCorners(FrameStack src, int height, int width) =>
        Bilinear(src, height, width, alignCorners: true);

    /// <summary>Bilinear with half-pixel centres (align_corners=False, cv2 INTER_LINEAR, no antialias).</summary>
    public static FrameStack BilinearHalfPixel(FrameStack src, int height, int width) =>
        Bilinear(src, height, width, alignCorners: false);

    /// <summary>Box average over the input cells each output cell covers (torch mode='area' / adaptive_avg_pool2d).</summary>
    public static FrameStack Area(FrameStack src, int height, int width)
    {
        var dst = FrameStack.Zeros(src.Steps, src.Channels, height, width);
        for (var p = 0; p < src.Planes; p++)
        {
            var so = p * src.PlaneSize;
            var doff = p * dst.PlaneSize;
            for (var oy = 0; oy < height; oy++)
            {
                int y0 = oy * src.Height / height, y1 = ((oy + 1) * src.Height + height - 1) / height;
                for (var ox = 0; ox < width; ox++)
                {
                    int x0 = ox * src.Width / width, x1 = ((ox + 1) * src.Width + width - 1) / width;
                    double sum = 0;
                    for (var y = y0; y < y1; y++)
                    for (var x = x0; x < x1; x++)
                        sum += src.Data[so + y * src.Width + x];
                    dst.Data[doff + oy * width + ox] = (float)(sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        }
        return dst;
    }

    private static FrameStack Bilinear(FrameStack src, int height, int width, bool alignCorners)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var dst = FrameStack.Zeros(src.Steps, src.Channels, height, width);
        var (ys0, ys1, yw) = Taps(src.Height, height, alignCorners);
        var (xs0, xs1, xw) = Taps(src.Width, width, alignCorners);
        for (var p = 0; p < src.Planes; p++)
        {
            var so = p * src.PlaneSize;
            var doff = p * dst.PlaneSize;
            for (var oy = 0; oy < height; oy++)
            {
                var r0 = so + ys0[oy] * src.Width;
                var r1 = so + ys1[oy] * src.Width;
                var fy = yw[oy];
                for (var ox = 0; ox < width; ox++)
                {
                    var fx = xw[ox];
                    var top = src.Data[r0 + xs0[ox]] * (1 - fx) + src.Data[r0 + xs1[ox]] * fx;
                    var bottom = src.Data[r1 + xs0[ox]] * (1 - fx) + src.Data[r1 + xs1[ox]] * fx;
                    dst.Data[doff + oy * width + ox] = top * (1 - fy) + bottom * fy;
                }
            }
        }
        return dst;
    }

    // Per output index: the two input taps and the weight of the second one.
    private static (int[] I0, int[] I1, float[] W) Taps(int input, int output, bool alignCorners)
    {
        var i0 = new int[output];
        var i1 = new int[output];
        var w = new float[output];
        for (var o = 0; o < output; o++)
        {
            double s = alignCorners
                ? (output > 1 ? o * (double)(input - 1) / (output - 1) : 0)
                : Math.Max((o + 0.5) * input / output - 0.5, 0);
            var lo = Math.Min((int)Math.Floor(s), input - 1);
            i0[o] = lo;
            i1[o] = Math.Min(lo + 1, input - 1);
            w[o] = (float)(s - lo);
        }
        return (i0, i1, w);
    }
}
