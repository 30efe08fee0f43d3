using Sweep.Trainer.Data;
using static Sweep.Trainer.Tests.Data.FixtureFiles;

namespace Sweep.Trainer.Tests.Data;

public sealed class MatV5ReaderTests
{
    private static (string, int, double[])[] Events() =>
    [
        ("x", 3, [5, 0, 7]), ("y", 5, [1, 2, 3]), ("ts", 9, [100, 250, 400]), ("p", 1, [-1, 1, 1]),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsNumericVariablesPlainAndCompressed(bool compressed)
    {
        using var dir = new TempFolder();
        var path = dir.File("1.mat");
        File.WriteAllBytes(path, Mat(compressed, Events()));
        var vars = MatV5Reader.Read(path);
        Assert.Equal([5.0, 0, 7], vars["x"].Real);
        Assert.Equal([3, 1], vars["ts"].Dims);
        var e = CepDvsReader.Read(path);
        Assert.Equal([0, 1, 1], e.P);
        Assert.Equal([100L, 250, 400], e.T);
        Assert.Equal([1, 2, 3], e.Y);
    }

    [Fact]
    public void SmallElementsHoldUpToFourBytes()
    {
        using var dir = new TempFolder();
        var path = dir.File("small.mat");
        File.WriteAllBytes(path, Mat(false, ("p", 1, [1, -1, 1]), ("ab", 3, [300, -2])));
        var vars = MatV5Reader.Read(path);
        Assert.Equal([1.0, -1, 1], vars["p"].Real);
        Assert.Equal([300.0, -2], vars["ab"].Real);
    }

    [Fact]
    public void BrokenFilesFailWithPathAndReason()
    {
        using var dir = new TempFolder();
        var full = Mat(false, Events());
        var truncated = dir.File("t.mat");
        File.WriteAllBytes(truncated, full[..(full.Length - 10)]);
        Assert.StartsWith($"{truncated}: truncated element at byte", Assert.Throws<DataFormatException>(() => MatV5Reader.Read(truncated)).Message);
        var notMat = dir.File("n.mat");
        File.WriteAllBytes(notMat, new byte[200]);
        Assert.Contains("not a MAT v5 file", Assert.Throws<DataFormatException>(() => MatV5Reader.Read(notMat)).Message);
        var corrupt = dir.File("c.mat");
        var z = Mat(true, Events());
        for (var i = 140; i < 150; i++) z[i] ^= 0x5A;
        Assert.StartsWith($"{corrupt}: ", Assert.Throws<DataFormatException>(() => { File.WriteAllBytes(corrupt, z); MatV5Reader.Read(corrupt); }).Message);
        var noP = dir.File("np.mat");
        File.WriteAllBytes(noP, Mat(false, Events()[..3]));
        Assert.Equal($"{noP}: variable 'p' missing (found: x, y, ts)", Assert.Throws<DataFormatException>(() => CepDvsReader.Read(noP)).Message);
        Assert.Contains("missing.mat", Assert.Throws<FileNotFoundException>(() => MatV5Reader.Read(dir.File("missing.mat"))).Message);
    }
}
