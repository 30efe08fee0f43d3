namespace Sweep.Trainer.Data;

/// <summary>
/// One generated scene: a textured shape moving over a static, softly patterned background. The class is
/// shape × texture (visible in a static frame and, through its edges, in events); position, size, hue,
/// brightness, motion and a small rotation are per-sample nuisances.
/// </summary>
public sealed class SyntheticScene
{
    /// <summary>Shapes: disk, square, triangle, cross, ring.</summary>
    public const int Shapes = 5;

    /// <summary>Textures: solid, stripes along u, stripes along v, checker.</summary>
    public const int Textures = 4;

    /// <summary>Largest <c>dataset.classes</c>.</summary>
    public const int MaxClasses = Shapes * Textures;

    private readonly int size;
    private readonly int shape;
    private readonly int texture;
    private readonly double cx, cy, vx, vy, radius, angle, spin, period;
    private readonly double objectLevel, background, bgAmp, bgFx, bgFy, bgPhase;
    private readonly double red, green, blue;

    /// <summary>Draws the nuisance parameters of scene (class, rng) on a size×size sensor.</summary>
    public SyntheticScene(int label, int size, Random rng)
    {
        this.size = size;
        shape = label % Shapes;
        texture = label / Shapes;
        radius = size * (0.15 + 0.1 * rng.NextDouble());
        cx = size * (0.35 + 0.3 * rng.NextDouble());
        cy = size * (0.35 + 0.3 * rng.NextDouble());
        var heading = rng.NextDouble() * 2 * Math.PI;
        var travel = size * (0.12 + 0.15 * rng.NextDouble());
        vx = travel * Math.Cos(heading);
        vy = travel * Math.Sin(heading);
        // Small rotations keep "stripes along u" and "along v" distinguishable.
        angle = (rng.NextDouble() * 2 - 1) * 0.35;
        spin = (rng.NextDouble() * 2 - 1) * 0.3;
        period = radius * (0.45 + 0.2 * rng.NextDouble());
        background = 0.25 + 0.25 * rng.NextDouble();
        bgAmp = 0.06 * rng.NextDouble();
        bgFx = 0.05 + 0.2 * rng.NextDouble();
        bgFy = 0.05 + 0.2 * rng.NextDouble();
        bgPhase = rng.NextDouble() * 2 * Math.PI;
        var contrast = 0.2 + 0.3 * rng.NextDouble();
        objectLevel = rng.NextDouble() < 0.5 ? Math.Max(0.08, background - contrast) : Math.Min(1.0, background + contrast);
        // A random hue at full value: V of the colour image equals the gray intensity the sensor sees.
        (red, green, blue) = Hue(rng.NextDouble());
    }

    /// <summary>Sensor side length.</summary>
    public int Size => size;

    /// <summary>Intensity in (0, 1] at pixel (x, y) and normalised time s ∈ [0, 1].</summary>
    public double Intensity(int x, int y, double s, out bool onObject)
    {
        double px = x + 0.5 - (cx + vx * s), py = y + 0.5 - (cy + vy * s);
        var a = angle + spin * s;
        double cos = Math.Cos(a), sin = Math.Sin(a);
        double u = (cos * px + sin * py) / radius, v = (-sin * px + cos * py) / radius;
        onObject = Inside(u, v);
        if (!onObject) return background + bgAmp * Math.Sin(bgFx * x + bgPhase) * Math.Sin(bgFy * y);
        return objectLevel * TextureGain(u * radius, v * radius);
    }

    /// <summary>The colour frame at time 0 (the RGB view of the same scene).</summary>
    public RgbImage RenderColour()
    {
        var pixels = new byte[3 * size * size];
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var level = Intensity(x, y, 0, out var onObject);
            var (r, g, b) = onObject ? (red, green, blue) : (1.0, 1.0, 1.0);
            var o = 3 * (y * size + x);
            pixels[o] = ToByte(level * r);
            pixels[o + 1] = ToByte(level * g);
            pixels[o + 2] = ToByte(level * b);
        }
        return new RgbImage(pixels, size, size);
    }

    private bool Inside(double u, double v) => shape switch
    {
        0 => u * u + v * v <= 1,
        1 => Math.Abs(u) <= 0.8 && Math.Abs(v) <= 0.8,
        2 => v <= 0.5 && v >= -1 + 1.732 * Math.Abs(u), // equilateral, apex up
        3 => (Math.Abs(u) <= 0.3 && Math.Abs(v) <= 1) || (Math.Abs(v) <= 0.3 && Math.Abs(u) <= 1),
        _ => u * u + v * v <= 1 && u * u + v * v >= 0.36,
    };

    private double TextureGain(double u, double v)
    {
        // Square waves in object coordinates; gains 1 ± 0.45 make internal edges as strong as outlines.
        double su = Math.Sign(Math.Sin(Math.PI * u / period)), sv = Math.Sign(Math.Sin(Math.PI * v / period));
        var wave = texture switch { 1 => su, 2 => sv, 3 => su * sv, _ => 0 };
        return 1 + 0.45 * wave;
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value * 255), 0, 255);

    private static (double R, double G, double B) Hue(double h)
    {
        var k = h * 6;
        var f = k - Math.Floor(k);
        return ((int)k % 6) switch
        {
            0 => (1, f, 0.2),
            1 => (1 - f, 1, 0.2),
            2 => (0.2, 1, f),
            3 => (0.2, 1 - f, 1),
            4 => (f, 0.2, 1),
            _ => (1, 0.2, 1 - f),
        };
    }
}
