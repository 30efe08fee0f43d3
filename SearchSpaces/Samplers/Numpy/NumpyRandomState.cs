namespace Sweep.SearchSpaces.Samplers.Numpy;

/// <summary>
/// The parts of numpy's legacy <c>np.random.RandomState(seed)</c> that Optuna 3.1's TPE and random samplers call,
/// reproduced draw for draw: <c>random_sample</c>/<c>rand</c>, <c>uniform</c>, <c>choice(n, size, p)</c> and
/// <c>randint</c> (legacy masked rejection).
/// </summary>
public sealed class NumpyRandomState
{
    private readonly Mt19937 _mt;

    /// <param name="seed">numpy accepts 0 … 2^32−1; a negative int is taken as its unsigned 32-bit pattern.</param>
    public NumpyRandomState(long seed) => _mt = new Mt19937(unchecked((uint)seed));

    /// <summary>Bytes of a state: the position, then the 624 words, little-endian.</summary>
    public const int StateBytes = 625 * 4;

    /// <summary>The stream's position, so a resumed sweep continues it instead of starting it over.</summary>
    public byte[] SaveState()
    {
        var (words, position) = _mt.State;
        var bytes = new byte[StateBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, position);
        for (var i = 0; i < words.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 + 4 * i), words[i]);
        return bytes;
    }

    /// <exception cref="ArgumentException">The bytes are not a state <see cref="SaveState"/> wrote.</exception>
    public void RestoreState(ReadOnlySpan<byte> state)
    {
        if (state.Length != StateBytes) throw new ArgumentException($"a random state is {StateBytes} bytes (got {state.Length})");
        var words = new uint[624];
        for (var i = 0; i < words.Length; i++) words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(state[(4 + 4 * i)..]);
        _mt.Restore(words, System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(state));
    }

    /// <summary>A fresh seed from the OS, as <c>RandomState(None)</c> would draw one.</summary>
    public static long EntropySeed() => System.Random.Shared.NextInt64(0, 1L << 32);

    /// <summary><c>random_sample()</c>: one double in [0, 1).</summary>
    public double RandomSample() => _mt.NextDouble();

    /// <summary><c>random_sample(size)</c> (also <c>rand(size)</c>).</summary>
    public void RandomSample(Span<double> into)
    {
        for (var i = 0; i < into.Length; i++) into[i] = _mt.NextDouble();
    }

    /// <summary><c>uniform(low, high)</c>: low + (high − low)·u, the range computed first as numpy does.</summary>
    public double Uniform(double low, double high)
    {
        var range = high - low;
        if (!double.IsFinite(range)) throw new ArgumentOutOfRangeException(nameof(high), $"uniform range is not finite (low={low}, high={high})");
        return low + range * _mt.NextDouble();
    }

    /// <summary>
    /// <c>choice(len(p), size, p=p)</c> with replacement: cumulative sum, normalised by its last entry, then
    /// <c>searchsorted(side="right")</c> of uniform draws.
    /// </summary>
    public void Choice(ReadOnlySpan<double> p, Span<int> into, Span<double> cdfScratch)
    {
        var cdf = cdfScratch[..p.Length];
        var acc = 0.0;
        for (var i = 0; i < p.Length; i++) { acc += p[i]; cdf[i] = acc; }
        var last = cdf[^1];
        for (var i = 0; i < cdf.Length; i++) cdf[i] /= last;
        for (var s = 0; s < into.Length; s++)
        {
            var u = _mt.NextDouble();
            // First index whose cdf is > u (side="right").
            int lo = 0, hi = cdf.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (cdf[mid] <= u) lo = mid + 1; else hi = mid;
            }
            into[s] = lo;
        }
    }

    /// <summary><c>randint(low, high)</c> for int64 output: legacy bounded draw with a bit mask and rejection.</summary>
    public long RandInt(long low, long high)
    {
        if (high <= low) throw new ArgumentOutOfRangeException(nameof(high), $"low < high must hold, but got (low={low}, high={high}).");
        var rng = (ulong)(high - 1 - low);
        if (rng == 0) return low;
        var mask = rng;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
        if (rng <= 0xFFFFFFFFUL)
        {
            if (rng == 0xFFFFFFFFUL) return low + _mt.NextUInt32();
            uint v;
            while ((v = _mt.NextUInt32() & (uint)mask) > rng) { }
            return low + v;
        }
        ulong w;
        while ((w = NextUInt64() & mask) > rng) { }
        return low + (long)w;
    }

    private ulong NextUInt64() => ((ulong)_mt.NextUInt32() << 32) | _mt.NextUInt32();
}
