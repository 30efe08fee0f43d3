namespace Sweep.Trainer.Data;

/// <summary>
/// A small DVS pixel model (v2e-like): each pixel keeps a reference log intensity and emits an ON/OFF event
/// per contrast threshold crossed (per-pixel threshold mismatch ±10 %), with a refractory period, Poisson
/// background-activity noise and a few hot pixels that belong to the sensor (same for every sample).
/// </summary>
public sealed class EventSensorEmulator
{
    /// <summary>Recording length in microseconds.</summary>
    public const long DurationUs = 100_000;

    /// <summary>Rendered sub-steps per recording.</summary>
    public const int SubSteps = 24;

    /// <summary>Refractory period in microseconds.</summary>
    public const long RefractoryUs = 1_000;

    private const double Epsilon = 0.01;
    private readonly int size;
    private readonly double noiseHz;
    private readonly float[] thresholds;
    private readonly (int Pixel, double RateHz)[] hotPixels;

    /// <summary>A sensor whose mismatch and hot pixels are drawn from <paramref name="sensorSeed"/>.</summary>
    public EventSensorEmulator(int size, double contrastThreshold, double noiseHz, double hotPixelFraction, int sensorSeed)
    {
        this.size = size;
        this.noiseHz = noiseHz;
        var rng = new Random(sensorSeed);
        thresholds = new float[size * size];
        for (var i = 0; i < thresholds.Length; i++)
            thresholds[i] = (float)(contrastThreshold * (1 + 0.1 * Gaussian(rng)));
        var hot = (int)Math.Round(hotPixelFraction * size * size);
        hotPixels = [.. Enumerable.Range(0, hot).Select(_ => (rng.Next(size * size), 200 + 800 * rng.NextDouble()))];
    }

    /// <summary>Records a scene; events are sorted by time.</summary>
    public EventStream Record(SyntheticScene scene, Random rng)
    {
        var n = size * size;
        var reference = new double[n];
        var lastFire = new long[n];
        Array.Fill(lastFire, long.MinValue / 2);
        for (var i = 0; i < n; i++) reference[i] = Math.Log(scene.Intensity(i % size, i / size, 0, out _) + Epsilon);
        var events = new List<(long T, int X, int Y, byte P)>();
        var step = DurationUs / SubSteps;
        for (var k = 1; k <= SubSteps; k++)
        {
            var s = (double)k / SubSteps;
            for (var i = 0; i < n; i++)
            {
                var log = Math.Log(scene.Intensity(i % size, i / size, s, out _) + Epsilon);
                var delta = log - reference[i];
                var c = thresholds[i];
                var crossings = (int)(Math.Abs(delta) / c);
                if (crossings == 0) continue;
                var polarity = (byte)(delta > 0 ? 1 : 0);
                reference[i] += Math.Sign(delta) * crossings * c;
                for (var j = 0; j < crossings; j++)
                {
                    // Crossings spread linearly over the sub-step, like an interpolating emulator.
                    var t = (k - 1) * step + (long)((j + rng.NextDouble()) * step / crossings);
                    if (t - lastFire[i] < RefractoryUs) continue;
                    lastFire[i] = t;
                    events.Add((t, i % size, i / size, polarity));
                }
            }
        }
        AddNoise(events, rng);
        events.Sort((a, b) => a.T.CompareTo(b.T));
        return new EventStream([.. events.Select(e => e.X)], [.. events.Select(e => e.Y)],
            [.. events.Select(e => e.T)], [.. events.Select(e => e.P)]);
    }

    private void AddNoise(List<(long T, int X, int Y, byte P)> events, Random rng)
    {
        var seconds = DurationUs / 1e6;
        var noise = Poisson(rng, noiseHz * seconds * size * size);
        for (var j = 0; j < noise; j++)
        {
            var pixel = rng.Next(size * size);
            events.Add(((long)(rng.NextDouble() * DurationUs), pixel % size, pixel / size, (byte)rng.Next(2)));
        }
        foreach (var (pixel, rate) in hotPixels)
        {
            var count = Poisson(rng, rate * seconds);
            for (var j = 0; j < count; j++)
                events.Add(((long)(rng.NextDouble() * DurationUs), pixel % size, pixel / size, 1));
        }
    }

    private static int Poisson(Random rng, double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 50) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(rng)));
        double limit = Math.Exp(-mean), product = rng.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= rng.NextDouble();
            count++;
        }
        return count;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
