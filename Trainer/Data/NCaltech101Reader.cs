namespace Sweep.Trainer.Data;

/// <summary>
/// N-Caltech101 / N-MNIST ".bin": 5-byte records, x u8, y u8, byte2 bit 7 polarity, bits 6..0 + bytes 3..4
/// a 23-bit microsecond timestamp. Streams the file in chunks.
/// </summary>
public static class NCaltech101Reader
{
    /// <summary>Bytes per event record.</summary>
    public const int RecordBytes = 5;

    /// <summary>y value that marks a timestamp overflow instead of an event.</summary>
    public const int OverflowMarkerY = 240;

    /// <summary>
    /// Added to every later timestamp per overflow marker. A 23-bit counter would wrap at 2^23, but the
    /// dataset's MATLAB reader and tonic add 2^13; recordings (~300 ms) never contain a marker, so we
    /// follow the reference readers to stay bit-identical with them.
    /// </summary>
    public const long OverflowIncrement = 1L << 13;

    /// <summary>Reads all events; with <paramref name="shiftToOrigin"/> subtracts per-sample min(x), min(y).</summary>
    public static EventStream Read(string path, bool shiftToOrigin = true)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var length = stream.Length;
        if (length % RecordBytes != 0)
        {
            var at = length - length % RecordBytes;
            throw new DataFormatException(path, $"truncated event record at byte {at} (file length {length}, records are {RecordBytes} bytes)");
        }
        var capacity = (int)(length / RecordBytes);
        var x = new List<int>(capacity);
        var y = new List<int>(capacity);
        var t = new List<long>(capacity);
        var p = new List<byte>(capacity);
        var buffer = new byte[RecordBytes * 8192];
        int read;
        while ((read = ReadFull(stream, buffer)) > 0)
        {
            for (var i = 0; i < read; i += RecordBytes)
            {
                int b0 = buffer[i], b1 = buffer[i + 1], b2 = buffer[i + 2], b3 = buffer[i + 3], b4 = buffer[i + 4];
                if (b1 == OverflowMarkerY)
                {
                    x.Add(-1); y.Add(-1); t.Add(-1); p.Add(255); // placeholder, resolved below
                    continue;
                }
                x.Add(b0);
                y.Add(b1);
                p.Add((byte)(b2 >> 7));
                t.Add(((long)(b2 & 0x7F) << 16) | ((long)b3 << 8) | (uint)b4);
            }
        }
        return Finish(path, x, y, t, p, shiftToOrigin);
    }

    private static EventStream Finish(string path, List<int> x, List<int> y, List<long> t, List<byte> p, bool shift)
    {
        var kept = 0;
        long increment = 0;
        for (var i = 0; i < t.Count; i++)
        {
            if (p[i] == 255)
            {
                increment += OverflowIncrement;
                continue;
            }
            x[kept] = x[i]; y[kept] = y[i]; p[kept] = p[i]; t[kept] = t[i] + increment;
            kept++;
        }
        if (kept == 0) throw new DataFormatException(path, "contains no events");
        var events = new EventStream(x.GetRange(0, kept).ToArray(), y.GetRange(0, kept).ToArray(),
            t.GetRange(0, kept).ToArray(), p.GetRange(0, kept).ToArray());
        return shift ? events.ShiftToOrigin() : events;
    }

    private static int ReadFull(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
