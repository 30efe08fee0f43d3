using Sweep.Trainer.Data;
using static Sweep.Trainer.Tests.Data.FixtureFiles;

namespace Sweep.Trainer.Tests.Data;

public sealed class NCaltech101ReaderTests
{
    [Fact]
    public void DecodesRecordsAndShiftsToOrigin()
    {
        using var dir = new TempFolder();
        var path = dir.File("image_0001.bin");
        File.WriteAllBytes(path, Bin(BinRecord(10, 20, 1, 0x7FFFFF), BinRecord(12, 25, 0, 0x012345)));
        var e = NCaltech101Reader.Read(path);
        Assert.Equal([0, 2], e.X);
        Assert.Equal([0, 5], e.Y);
        Assert.Equal([1, 0], e.P);
        Assert.Equal([0x7FFFFFL, 0x012345L], e.T);
        Assert.Equal([10, 12], NCaltech101Reader.Read(path, shiftToOrigin: false).X);
    }

    [Fact]
    public void OverflowMarkerIsDroppedAndShiftsLaterTimestampsBy2Pow13()
    {
        using var dir = new TempFolder();
        var path = dir.File("image_0002.bin");
        File.WriteAllBytes(path, Bin(BinRecord(1, 1, 1, 100), BinRecord(0, 240, 0, 0), BinRecord(2, 3, 0, 50), BinRecord(0, 240, 0, 0), BinRecord(4, 5, 1, 7)));
        var e = NCaltech101Reader.Read(path, shiftToOrigin: false);
        Assert.Equal([100L, 50 + 8192L, 7 + 2 * 8192L], e.T);
        Assert.Equal([1, 3, 5], e.Y);
    }

    [Fact]
    public void TruncatedRecordNamesFileByteAndLength()
    {
        using var dir = new TempFolder();
        var path = dir.File("image_0003.bin");
        File.WriteAllBytes(path, [.. Bin(BinRecord(1, 1, 1, 1), BinRecord(2, 2, 0, 2)), 9, 9]);
        var error = Assert.Throws<DataFormatException>(() => NCaltech101Reader.Read(path));
        Assert.Equal($"{path}: truncated event record at byte 10 (file length 12, records are 5 bytes)", error.Message);
    }

    [Fact]
    public void MissingAndEventlessFilesFailWithThePath()
    {
        using var dir = new TempFolder();
        var missing = dir.File("nope.bin");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => NCaltech101Reader.Read(missing)).Message);
        var onlyMarker = dir.File("marker.bin");
        File.WriteAllBytes(onlyMarker, BinRecord(0, 240, 0, 0));
        Assert.Equal($"{onlyMarker}: contains no events", Assert.Throws<DataFormatException>(() => NCaltech101Reader.Read(onlyMarker)).Message);
    }
}
