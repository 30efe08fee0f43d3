using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using K4os.Compression.LZ4.Streams;
using SkiaSharp;

namespace Sweep.Trainer.Tests.Data;

/// <summary>Writes tiny dataset files in the exact byte formats the readers decode.</summary>
public static class FixtureFiles
{
    /// <summary>One N-Caltech101 record: x, y, polarity, 23-bit timestamp.</summary>
    public static byte[] BinRecord(int x, int y, int p, int t) =>
        [(byte)x, (byte)y, (byte)((p << 7) | ((t >> 16) & 0x7F)), (byte)(t >> 8), (byte)t];

    /// <summary>Concatenated records.</summary>
    public static byte[] Bin(params byte[][] records) => [.. records.SelectMany(r => r)];

    /// <summary>A MAT v5 file of numeric column vectors (storage type per variable), optionally zlib-compressed.</summary>
    public static byte[] Mat(bool compressed, params (string Name, int MiType, double[] Values)[] vars)
    {
        using var ms = new MemoryStream();
        var header = new byte[128];
        Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, written by Sweep tests".PadRight(116)).CopyTo(header, 0);
        header[124] = 0x00; header[125] = 0x01; header[126] = (byte)'I'; header[127] = (byte)'M';
        ms.Write(header);
        foreach (var (name, type, values) in vars)
        {
            var matrix = MatrixElement(name, type, values);
            if (!compressed) { ms.Write(matrix); continue; }
            using var z = new MemoryStream();
            using (var zlib = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(matrix);
            ms.Write(Tag(15, (int)z.Length));
            ms.Write(z.ToArray());
        }
        return ms.ToArray();
    }

    /// <summary>An element with the regular 8-byte tag, or the small format when it fits in 4 bytes.</summary>
    public static byte[] Element(int type, byte[] data)
    {
        if (data.Length <= 4)
        {
            var small = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(small, (uint)((data.Length << 16) | type));
            data.CopyTo(small, 4);
            return small;
        }
        var padded = new byte[8 + ((data.Length + 7) & ~7)];
        Tag(type, data.Length).CopyTo(padded, 0);
        data.CopyTo(padded, 8);
        return padded;
    }

    private static byte[] MatrixElement(string name, int type, double[] values)
    {
        var flags = new byte[8];
        flags[0] = type == 9 ? (byte)6 : (byte)12; // mxDOUBLE or mxINT32 class; storage may be narrower
        var dims = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(dims, values.Length);
        BinaryPrimitives.WriteInt32LittleEndian(dims.AsSpan(4), 1);
        byte[] body = [.. Element(6, flags), .. Element(5, dims), .. Element(1, Encoding.ASCII.GetBytes(name)), .. Element(type, Encode(type, values))];
        return [.. Tag(14, body.Length), .. body];
    }

    private static byte[] Encode(int type, double[] values)
    {
        var width = type switch { 1 => 1, 3 => 2, 5 => 4, _ => 8 };
        var data = new byte[values.Length * width];
        for (var i = 0; i < values.Length; i++)
        {
            var s = data.AsSpan(i * width);
            switch (type)
            {
                case 1: s[0] = (byte)(sbyte)values[i]; break;
                case 3: BinaryPrimitives.WriteInt16LittleEndian(s, (short)values[i]); break;
                case 5: BinaryPrimitives.WriteInt32LittleEndian(s, (int)values[i]); break;
                case 12: BinaryPrimitives.WriteInt64LittleEndian(s, (long)values[i]); break;
                default: BinaryPrimitives.WriteDoubleLittleEndian(s, values[i]); break;
            }
        }
        return data;
    }

    private static byte[] Tag(int type, int size)
    {
        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, type);
        BinaryPrimitives.WriteInt32LittleEndian(tag.AsSpan(4), size);
        return tag;
    }

    /// <summary>An AEDAT 4.0 file: IOHeader with the compression type, then one packet per event list.</summary>
    public static byte[] Aedat4(int compression, params (long T, short X, short Y, bool On)[][] packets)
    {
        var header = new byte[40];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 20);
        Encoding.ASCII.GetBytes("IOHE").CopyTo(header, 4);
        ushort[] vtable = [10, 20, 4, 12, 0];
        for (var i = 0; i < vtable.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8 + 2 * i), vtable[i]);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), 12);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), compression);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(32), -1);
        using var ms = new MemoryStream();
        ms.Write(Encoding.ASCII.GetBytes("#!AER-DAT4.0\r\n"));
        ms.Write(BitConverter.GetBytes(header.Length));
        ms.Write(header);
        foreach (var events in packets)
        {
            var payload = Compress(EventPacket(events), compression);
            ms.Write(BitConverter.GetBytes(0));
            ms.Write(BitConverter.GetBytes(payload.Length));
            ms.Write(payload);
        }
        return ms.ToArray();
    }

    /// <summary>A size-prefixed EVTS FlatBuffer (use another identifier to fake a non-event packet).</summary>
    public static byte[] EventPacket((long T, short X, short Y, bool On)[] events, string identifier = "EVTS")
    {
        var buffer = new byte[32 + 16 * events.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, 16);
        Encoding.ASCII.GetBytes(identifier).CopyTo(buffer, 4);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(8), 6);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(10), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(12), 4);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(16), 8);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(20), 8);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(28), (uint)events.Length);
        for (var i = 0; i < events.Length; i++)
        {
            var e = buffer.AsSpan(32 + 16 * i);
            BinaryPrimitives.WriteInt64LittleEndian(e, events[i].T);
            BinaryPrimitives.WriteInt16LittleEndian(e[8..], events[i].X);
            BinaryPrimitives.WriteInt16LittleEndian(e[10..], events[i].Y);
            e[12] = events[i].On ? (byte)1 : (byte)0;
        }
        return [.. BitConverter.GetBytes(buffer.Length), .. buffer];
    }

    private static byte[] Compress(byte[] data, int compression)
    {
        switch (compression)
        {
            case 0: return data;
            case 1 or 2:
                using (var ms = new MemoryStream())
                {
                    using (var lz4 = LZ4Stream.Encode(ms, leaveOpen: true)) lz4.Write(data);
                    return ms.ToArray();
                }
            default:
                using (var zstd = new ZstdSharp.Compressor()) return zstd.Wrap(data).ToArray();
        }
    }

    /// <summary>Encodes an RGB byte image as PNG or JPEG with Skia.</summary>
    public static byte[] Image(byte[] rgb, int height, int width, SKEncodedImageFormat format, bool gray = false)
    {
        var info = new SKImageInfo(width, height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var pixels = bitmap.GetPixelSpan();
        var span = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(pixels), pixels.Length);
        for (var i = 0; i < height * width; i++)
        {
            if (gray) { span[i] = rgb[3 * i]; continue; }
            span[4 * i] = rgb[3 * i]; span[4 * i + 1] = rgb[3 * i + 1]; span[4 * i + 2] = rgb[3 * i + 2]; span[4 * i + 3] = 255;
        }
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }
}
