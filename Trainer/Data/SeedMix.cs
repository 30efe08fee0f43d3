namespace Sweep.Trainer.Data;

/// <summary>
/// Derives independent, reproducible seeds from (seed, stream ids) with SplitMix64, so every sample,
/// batch and epoch gets its own <see cref="Random"/> no matter which thread or order builds it.
/// </summary>
public static class SeedMix
{
    /// <summary>A 31-bit seed mixed from the parts.</summary>
    public static int Derive(long seed, params ReadOnlySpan<long> parts)
    {
        var h = Mix((ulong)seed ^ 0x9E3779B97F4A7C15UL);
        foreach (var part in parts) h = Mix(h ^ (ulong)part);
        return (int)(h & 0x7FFFFFFF);
    }

    /// <summary>A <see cref="Random"/> seeded from the parts (System.Random(int) is stable across .NET versions).</summary>
    public static Random Rng(long seed, params ReadOnlySpan<long> parts) => new(Derive(seed, parts));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
