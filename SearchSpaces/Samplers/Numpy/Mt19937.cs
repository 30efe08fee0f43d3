namespace Sweep.SearchSpaces.Samplers.Numpy;

/// <summary>
/// The Mersenne Twister MT19937 exactly as numpy's legacy <c>RandomState</c> runs it (<c>init_genrand</c> for an
/// integer seed, the reference tempering), so a seeded stream matches numpy word for word.
/// </summary>
internal sealed class Mt19937
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _mt = new uint[N];
    private int _pos;

    public Mt19937(uint seed)
    {
        _mt[0] = seed;
        for (var i = 1; i < N; i++)
            _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _pos = N;
    }

    /// <summary>The generator's state: the 624 words and the position in them (what numpy's <c>get_state</c> holds).</summary>
    public (uint[] Words, int Position) State => ((uint[])_mt.Clone(), _pos);

    /// <summary>Continues from a state <see cref="State"/> gave.</summary>
    public void Restore(ReadOnlySpan<uint> words, int position)
    {
        if (words.Length != N || position is < 0 or > N)
            throw new ArgumentException($"an MT19937 state is {N} words and a position in 0..{N} (got {words.Length} words, position {position})");
        words.CopyTo(_mt);
        _pos = position;
    }

    /// <summary>genrand_int32.</summary>
    public uint NextUInt32()
    {
        if (_pos >= N) Reload();
        var y = _mt[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>numpy's 53-bit double in [0, 1): two words, (a·2^26 + b) / 2^53.</summary>
    public double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private void Reload()
    {
        int k;
        uint y;
        for (k = 0; k < N - M; k++)
        {
            y = (_mt[k] & UpperMask) | (_mt[k + 1] & LowerMask);
            _mt[k] = _mt[k + M] ^ (y >> 1) ^ ((y & 1) == 0 ? 0u : MatrixA);
        }
        for (; k < N - 1; k++)
        {
            y = (_mt[k] & UpperMask) | (_mt[k + 1] & LowerMask);
            _mt[k] = _mt[k + (M - N)] ^ (y >> 1) ^ ((y & 1) == 0 ? 0u : MatrixA);
        }
        y = (_mt[N - 1] & UpperMask) | (_mt[0] & LowerMask);
        _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1) == 0 ? 0u : MatrixA);
        _pos = 0;
    }
}
