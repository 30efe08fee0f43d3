namespace Sweep.SearchSpaces.Samplers.Tpe;

/// <summary>Per-ask scratch arrays kept across asks: grown (at least doubled) when too short, never shrunk.</summary>
internal static class ScratchArray
{
    /// <summary><paramref name="buffer"/>, replaced first by a longer array when it holds fewer than <paramref name="length"/> items.</summary>
    public static T[] AtLeast<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, 2 * buffer.Length)];
        return buffer;
    }
}
