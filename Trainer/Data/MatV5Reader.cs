using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Sweep.Trainer.Data;

/// <summary>
/// MATLAB Level-5 MAT reader for numeric arrays: 128-byte header, data elements (incl. the small-element
/// format), miMATRIX (array flags, dims, name, real part in any numeric storage type) and miCOMPRESSED
/// (zlib). Non-numeric variables (cell, struct, char, sparse) are skipped.
/// </summary>
public static class MatV5Reader
{
    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6;
    private const int MiSingle = 7, MiDouble = 9, MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15;

    /// <summary>Reads every numeric variable of the file.</summary>
    public static IReadOnlyDictionary<string, MatArray> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 128) throw new DataFormatException(path, $"truncated MAT header ({bytes.Length} bytes, need 128)");
        var swap = (bytes[126], bytes[127]) switch
        {
            ((byte)'I', (byte)'M') => false,
            ((byte)'M', (byte)'I') => true,
            _ => throw new DataFormatException(path, "not a MAT v5 file (no 'IM'/'MI' endian indicator at byte 126)"),
        };
        var result = new Dictionary<string, MatArray>(StringComparer.Ordinal);
        ReadElements(path, bytes.AsSpan(128), 128, swap, result);
        return result;
    }

    /// <summary>A variable as a flat vector (MATLAB squeeze), or a precise error when it is missing.</summary>
    public static double[] Vector(IReadOnlyDictionary<string, MatArray> vars, string name, string path) =>
        vars.TryGetValue(name, out var v) ? v.Real : throw new DataFormatException(path, $"variable '{name}' missing (found: {string.Join(", ", vars.Keys)})");

    private static void ReadElements(string path, ReadOnlySpan<byte> data, long baseOffset, bool swap, Dictionary<string, MatArray> into)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            var (type, size, header, offset) = Tag(path, data, pos, baseOffset, swap);
            var payload = data.Slice(pos + header, size);
            if (type == MiCompressed)
            {
                var inflated = Inflate(path, payload, baseOffset + pos);
                ReadElements(path, inflated, 0, swap, into);
                pos += header + size; // compressed elements are not padded
                continue;
            }
            if (type == MiMatrix && ReadMatrix(path, payload, baseOffset + offset, swap) is { } array) into[array.Name] = array;
            pos += header + Pad(size, header);
        }
    }

    // Returns (type, byte count, tag length, payload offset); small elements keep data inside the 8-byte tag.
    private static (int Type, int Size, int Header, int Offset) Tag(string path, ReadOnlySpan<byte> data, int pos, long baseOffset, bool swap)
    {
        if (data.Length - pos < 8)
            throw new DataFormatException(path, $"truncated element tag at byte {baseOffset + pos} ({data.Length - pos} bytes left, need 8)");
        var first = U32(data[pos..], swap);
        if ((first >> 16) != 0) return ((int)(first & 0xFFFF), (int)(first >> 16), 4, pos + 4);
        var size = U32(data[(pos + 4)..], swap);
        if (size > data.Length - pos - 8)
            throw new DataFormatException(path, $"truncated element at byte {baseOffset + pos} (type {first}, declares {size} bytes, {data.Length - pos - 8} left)");
        return ((int)first, (int)size, 8, pos + 8);
    }

    private static int Pad(int size, int header) => header == 4 ? 4 : (size + 7) & ~7;

    private static byte[] Inflate(string path, ReadOnlySpan<byte> payload, long at)
    {
        try
        {
            using var input = new MemoryStream(payload.ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, $"corrupt zlib data in compressed element at byte {at} ({e.Message})");
        }
    }

    private static MatArray? ReadMatrix(string path, ReadOnlySpan<byte> m, long at, bool swap)
    {
        if (m.Length == 0) return null; // an empty miMATRIX is a valid empty placeholder
        var pos = 0;
        (int Offset, int Size, int Type) Next(ReadOnlySpan<byte> span, string what)
        {
            if (pos >= span.Length) throw new DataFormatException(path, $"matrix at byte {at} ends before its {what}");
            var (type, size, header, offset) = Tag(path, span, pos, at, swap);
            pos += header + Pad(size, header);
            return (offset, size, type);
        }
        var f = Next(m, "array flags");
        var flags = U32(m.Slice(f.Offset, f.Size), swap);
        var mxClass = (int)(flags & 0xFF);
        var d = Next(m, "dimensions");
        var dims = new int[d.Size / 4];
        for (var i = 0; i < dims.Length; i++) dims[i] = (int)U32(m[(d.Offset + 4 * i)..], swap);
        var n = Next(m, "name");
        var name = Encoding.ASCII.GetString(m.Slice(n.Offset, n.Size));
        if (mxClass is < 6 or > 15) return null; // cell, struct, object, char, sparse: not needed here
        var r = Next(m, "real part");
        var values = Numbers(path, m.Slice(r.Offset, r.Size), r.Type, swap, name);
        var expected = dims.Aggregate(1L, (a, d) => a * d);
        // An imaginary part, if any, follows and is ignored: events are real.
        if (values.Length != expected)
            throw new DataFormatException(path, $"variable '{name}' has {values.Length} values but dimensions {string.Join('x', dims)}");
        return new MatArray(name, dims, mxClass, values);
    }

    private static double[] Numbers(string path, ReadOnlySpan<byte> d, int type, bool swap, string name)
    {
        int width = type switch
        {
            MiInt8 or MiUInt8 => 1, MiInt16 or MiUInt16 => 2, MiInt32 or MiUInt32 or MiSingle => 4,
            MiDouble or MiInt64 or MiUInt64 => 8,
            _ => throw new DataFormatException(path, $"variable '{name}' has unsupported storage type {type}"),
        };
        var n = d.Length / width;
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = d.Slice(i * width, width);
            v[i] = type switch
            {
                MiInt8 => (sbyte)s[0],
                MiUInt8 => s[0],
                MiInt16 => swap ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s),
                MiUInt16 => swap ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
                MiInt32 => swap ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s),
                MiUInt32 => U32(s, swap),
                MiSingle => swap ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s),
                MiDouble => swap ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s),
                MiInt64 => swap ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s),
                _ => swap ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s),
            };
        }
        return v;
    }

    private static uint U32(ReadOnlySpan<byte> s, bool swap) =>
        swap ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
}
