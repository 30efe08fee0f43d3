namespace Sweep.SearchSpaces.Importance;

/// <summary>
/// sklearn's <c>our_rand_r</c>: the 32-bit xorshift a tree splitter draws its feature order from, kept so a tree
/// visits features in the order sklearn's would and ties between equal splits fall the same way.
/// </summary>
internal struct SplitterRandom(uint seed)
{
    public const uint RandRMax = 0x7FFFFFFF;

    private uint _state = seed;

    /// <summary><c>rand_int(low, high)</c>: an integer in [low, high).</summary>
    public int Next(int low, int high) => low + (int)(NextUInt() % (uint)(high - low));

    private uint NextUInt()
    {
        if (_state == 0) _state = 1;
        _state ^= _state << 13;
        _state ^= _state >> 17;
        _state ^= _state << 5;
        return _state % (RandRMax + 1);
    }
}
