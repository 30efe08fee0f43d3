using System.Buffers.Binary;
using System.Text;
using K4os.Compression.LZ4.Streams;

namespace Sweep.Trainer.Data;

/// <summary>
/// AEDAT 4.0 event files (iniVation DV): "#!AER-DAT4.0\r\n", an int32 size and the IOHeader FlatBuffer
/// (field 0 compression NONE/LZ4/LZ4_HIGH/ZSTD/ZSTD_HIGH, field 1 dataTablePosition, field 2 infoNode), then
/// packets "int32 streamId, int32 size, payload". A decompressed payload is a size-prefixed FlatBuffer; event
/// packets carry identifier "EVTS" and field 0 = vector of struct Event {int64 timestamp; int16 x; int16 y;
/// bool polarity} (16 bytes with padding). Packets of other types (frames, IMU, triggers) are skipped.
/// LZ4 payloads are LZ4 frames, ZSTD payloads zstd frames, as dv-processing writes them.
/// </summary>
public static class Aedat4Reader
{
    /// <summary>The 14-byte version line.</summary>
    public const string Magic = "#!AER-DAT4.0\r\n";

    /// <summary>Bytes per Event struct inside an EventPacket.</summary>
    public const int EventBytes = 16;

    /// <summary>Reads all events of all event streams in file order.</summary>
    public static EventStream Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var magic = new byte[Magic.Length];
        if (file.ReadAtLeast(magic, magic.Length, false) < magic.Length || Encoding.ASCII.GetString(magic) != Magic)
            throw new DataFormatException(path, "not an AEDAT 4.0 file (missing '#!AER-DAT4.0' header line)");
        var headerSize = ReadInt32(file, path, "IOHeader size");
        if (headerSize <= 0 || headerSize > file.Length - file.Position)
            throw new DataFormatException(path, $"IOHeader size {headerSize} exceeds the file ({file.Length} bytes)");
        var header = ReadExactly(file, headerSize, path, "IOHeader");
        var root = FlatBufferTable.Root(header, path, "IOHE");
        var compression = root.Int32(0, 0);
        if (compression is < 0 or > 4) throw new DataFormatException(path, $"unknown compression type {compression}");
        var end = root.Int64(1, -1) is var table and > 0 ? Math.Min(table, file.Length) : file.Length;
        var x = new List<int>(); var y = new List<int>(); var t = new List<long>(); var p = new List<byte>();
        while (file.Position < end)
        {
            var at = file.Position;
            if (end - at < 8) throw new DataFormatException(path, $"truncated packet header at byte {at} ({end - at} bytes left, need 8)");
            ReadInt32(file, path, "stream id");
            var size = ReadInt32(file, path, "packet size");
            if (size < 0 || size > end - file.Position)
                throw new DataFormatException(path, $"truncated packet at byte {at} (declares {size} bytes, {end - file.Position} left)");
            var payload = Decompress(ReadExactly(file, size, path, "packet"), compression, path, at);
            AppendEvents(payload, path, at, x, y, t, p);
        }
        return new EventStream([.. x], [.. y], [.. t], [.. p]);
    }

    private static void AppendEvents(byte[] payload, string path, long at, List<int> x, List<int> y, List<long> t, List<byte> p)
    {
        if (payload.Length < 4) throw new DataFormatException(path, $"packet at byte {at} is too short for a FlatBuffer");
        var declared = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (declared < 0 || declared > payload.Length - 4)
            throw new DataFormatException(path, $"packet at byte {at} declares a {declared}-byte FlatBuffer in {payload.Length - 4} bytes");
        var buffer = payload.AsSpan(4, declared);
        if (FlatBufferTable.Identifier(buffer) != "EVTS") return;
        var elements = FlatBufferTable.Root(buffer, $"{path} (packet at byte {at})").StructVector(0, EventBytes, out var count);
        for (var i = 0; i < count; i++)
        {
            var e = elements.Slice(i * EventBytes, EventBytes);
            t.Add(BinaryPrimitives.ReadInt64LittleEndian(e));
            x.Add(BinaryPrimitives.ReadInt16LittleEndian(e[8..]));
            y.Add(BinaryPrimitives.ReadInt16LittleEndian(e[10..]));
            p.Add(e[12] != 0 ? (byte)1 : (byte)0);
        }
    }

    private static byte[] Decompress(byte[] data, int compression, string path, long at)
    {
        try
        {
            switch (compression)
            {
                case 0: return data;
                case 1 or 2:
                    using (var input = LZ4Stream.Decode(new MemoryStream(data)))
                    using (var output = new MemoryStream())
                    {
                        input.CopyTo(output);
                        return output.ToArray();
                    }
                default:
                    using (var zstd = new ZstdSharp.Decompressor())
                        return zstd.Unwrap(data).ToArray();
            }
        }
        catch (Exception e) when (e is not DataFormatException)
        {
            var name = compression is 1 or 2 ? "LZ4" : "ZSTD";
            throw new DataFormatException(path, $"corrupt {name} packet at byte {at} ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static int ReadInt32(Stream s, string path, string what) =>
        BinaryPrimitives.ReadInt32LittleEndian(ReadExactly(s, 4, path, what));

    private static byte[] ReadExactly(Stream s, int count, string path, string what)
    {
        var at = s.Position;
        var buffer = new byte[count];
        if (s.ReadAtLeast(buffer, count, false) < count)
            throw new DataFormatException(path, $"truncated {what} at byte {at} (need {count} bytes, file length {s.Length})");
        return buffer;
    }
}
