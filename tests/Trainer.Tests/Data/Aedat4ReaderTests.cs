using Sweep.Trainer.Data;
using static Sweep.Trainer.Tests.Data.FixtureFiles;

namespace Sweep.Trainer.Tests.Data;

public sealed class Aedat4ReaderTests
{
    private static readonly (long, short, short, bool)[] First = [(1000, 60, 10, true), (1500, 345, 259, false)];
    private static readonly (long, short, short, bool)[] Second = [(2000, 0, 0, true)];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ReadsEventPacketsForEveryCompression(int compression)
    {
        using var dir = new TempFolder();
        var path = dir.File("c.aedat4");
        File.WriteAllBytes(path, Aedat4(compression, First, Second));
        var e = Aedat4Reader.Read(path);
        Assert.Equal([1000L, 1500, 2000], e.T);
        Assert.Equal([60, 345, 0], e.X);
        Assert.Equal([10, 259, 0], e.Y);
        Assert.Equal([1, 0, 1], e.P);
    }

    [Fact]
    public void SkipsNonEventPacketsAndRejectsBrokenFiles()
    {
        using var dir = new TempFolder();
        var file = Aedat4(0, First);
        var frame = EventPacket([(5, 1, 1, true)], "FRME");
        var path = dir.File("mixed.aedat4");
        File.WriteAllBytes(path, [.. file, .. BitConverter.GetBytes(1), .. BitConverter.GetBytes(frame.Length), .. frame]);
        Assert.Equal(2, Aedat4Reader.Read(path).Count);

        var truncated = dir.File("t.aedat4");
        File.WriteAllBytes(truncated, file[..(file.Length - 3)]);
        Assert.StartsWith($"{truncated}: truncated packet at byte 58", Assert.Throws<DataFormatException>(() => Aedat4Reader.Read(truncated)).Message);
        var magic = dir.File("m.aedat4");
        File.WriteAllBytes(magic, [.. "#!AER-DAT3.1\r\n"u8.ToArray(), .. new byte[40]]);
        Assert.Contains("not an AEDAT 4.0 file", Assert.Throws<DataFormatException>(() => Aedat4Reader.Read(magic)).Message);
        var lz4 = Aedat4(0, First);
        lz4[14 + 4 + 24] = 1; // header says LZ4, payload is a raw FlatBuffer

        var corrupt = dir.File("z.aedat4");
        File.WriteAllBytes(corrupt, lz4);
        Assert.StartsWith($"{corrupt}: corrupt LZ4 packet at byte 58", Assert.Throws<DataFormatException>(() => Aedat4Reader.Read(corrupt)).Message);
    }
}
