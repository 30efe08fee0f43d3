namespace Sweep.Grains.Sweeps;

/// <summary>
/// The seeds trials run with. Search trials share the sweep's seed (configurations are compared on equal terms);
/// a re-evaluation trial gets one derived from the sweep's seed and its trial number, different from every seed the
/// sweep has used, so that its run is a fresh draw. Seeds are in [0, int.MaxValue], what <c>sweep train</c> accepts.
/// </summary>
public static class TrialSeeds
{
    /// <summary>The sweep's seed: the sampler's when the spec sets one, else drawn once at creation.</summary>
    public static int ForSweep(int? samplerSeed) => samplerSeed is { } s ? s & int.MaxValue : Random.Shared.Next();

    /// <summary>The seed of re-evaluation trial <paramref name="number"/>: derived, and not in <paramref name="used"/>.</summary>
    public static int Fresh(int sweepSeed, int number, IReadOnlySet<int> used)
    {
        var state = unchecked(((ulong)(uint)sweepSeed << 32) | (uint)number);
        while (true)
        {
            state = unchecked(state + 0x9E3779B97F4A7C15UL);
            var seed = (int)(Mix(state) >> 33);   // 31 bits: non-negative
            if (!used.Contains(seed)) return seed;
        }
    }

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
