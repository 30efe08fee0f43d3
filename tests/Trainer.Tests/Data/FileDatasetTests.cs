using SkiaSharp;
using Sweep.Trainer.Data;
using static Sweep.Trainer.Tests.Data.FixtureFiles;

namespace Sweep.Trainer.Tests.Data;

public sealed class FileDatasetTests
{
    private static byte[] Png(byte level) => Image(Enumerable.Repeat(level, 3 * 16).ToArray(), 4, 4, SKEncodedImageFormat.Png);

    [Fact]
    public void NCaltech101SplitsPerClassAndPairsByClass()
    {
        using var dir = new TempFolder();
        string[] classes = ["BACKGROUND_Google", "Faces_easy", "accordion"];
        for (var c = 0; c < classes.Length; c++)
        for (var i = 1; i <= 5; i++)
        {
            File.WriteAllBytes(dir.File("ev", classes[c], $"image_{i:0000}.bin"), Bin(BinRecord(3, 4, 1, 0), BinRecord(9, 8, 0, 100 * i)));
            File.WriteAllBytes(dir.File("rgb", classes[c], $"image_{i:0000}.jpg"), Png((byte)(50 * c + 10)));
        }
        var d = (NCaltech101Dataset)DatasetFactory.Create(new DatasetOptions
        {
            Kind = DatasetKind.NCaltech101, Root = Path.Combine(dir.Path, "ev"), RgbRoot = Path.Combine(dir.Path, "rgb"), FrameSize = 8, TimeSteps = 2,
        });
        Assert.Equal(classes, d.Classes);
        Assert.Equal((12, 3), (d.Count(DataSplit.Train), d.Count(DataSplit.Val))); // round(4.5) = 4 per class
        Assert.EndsWith("image_0005.bin", d.Samples(DataSplit.Val)[0].Path);
        var sample = d.GetDvs(DataSplit.Train, 0);
        Assert.Equal([2L, 2, 8, 8], sample.Frames.Shape);
        Assert.Equal(1f, sample.Frames[0, 1, 0, 0]); // shifted to origin, corner maps onto corner
        Assert.Equal(60 / 255f, d.GetRgbForClass(1, new Random(1)).Value[0], 3);
    }

    [Fact]
    public void CepDvsReadsPathFileMatAndImages()
    {
        using var dir = new TempFolder();
        var lines = new List<string> { "index path a b class" };
        for (var n = 0; n < 20; n++)
        {
            var cls = n < 10 ? "fish" : "trees";
            lines.Add($"{n} p q r {cls}");
            File.WriteAllBytes(dir.File("data", "MAT", "img", $"{n}.mat"),
                Mat(n % 2 == 0, ("x", 3, [0, 5, n % 7]), ("y", 3, [1, 2, 3]), ("ts", 9, [0, 10, 20]), ("p", 1, [1, -1, 1])));
            File.WriteAllBytes(dir.File("data", "img", $"{n}.png"), Png(n < 10 ? (byte)40 : (byte)200));
        }
        File.WriteAllLines(dir.File("pathFile.csv"), lines);
        var d = DatasetFactory.Create(new DatasetOptions { Kind = DatasetKind.CepDvs, Root = dir.Path, FrameSize = 8, TimeSteps = 2 });
        Assert.Equal((20, 10, 4), (d.ClassCount, d.Count(DataSplit.Train), d.Count(DataSplit.Val)));
        Assert.Equal([1, 1, 1, 1, 1, 17, 17, 17, 17, 17], Enumerable.Range(0, 10).Select(i => d.LabelOf(DataSplit.Train, i)));
        Assert.Equal(200 / 255f, d.GetRgbForClass(17, new Random(2)).Value[0], 3);
        var valPath = ((CepDvsDataset)d).Samples(DataSplit.Val)[0].Path;
        Assert.EndsWith($"{Path.DirectorySeparatorChar}5.mat", valPath); // fish: 0-4 train, 5-6 held out
        Assert.Equal(2f, EventFramer.ToFrames(CepDvsReader.Read(valPath), 2).Data.Sum()); // t = 20 is past 2 bins of width 10
        Assert.Equal([2L, 2, 8, 8], d.GetDvs(DataSplit.Val, 0).Frames.Shape);
        File.WriteAllLines(dir.File("pathFile.csv"), [.. lines.Take(20), "19 p q r dragons"]);
        Assert.Contains("unknown class 'dragons'", Assert.Throws<DataFormatException>(() => DatasetFactory.Create(
            new DatasetOptions { Kind = DatasetKind.CepDvs, Root = dir.Path })).Message);
    }

    [Fact]
    public void NOmniglotSlicesDrawersFramesWithTailAndNormalises()
    {
        using var dir = new TempFolder();
        var events = Enumerable.Range(0, 40).Select(i => ((long)(1000 + 10 * i), (short)(54 + i), (short)(4 + i), i % 2 == 0)).ToArray();
        File.WriteAllBytes(dir.File("ev", "dvs_background", "Alpha", "character01", "c.aedat4"), Aedat4(0, events));
        File.WriteAllLines(dir.File("ev", "dvs_background", "Alpha", "character01", "c.csv"),
            ["start,end", .. Enumerable.Range(0, 20).Select(k => $"{1000 + 20 * k},{1000 + 20 * k + 20}")]);
        for (var k = 0; k < 20; k++) File.WriteAllBytes(dir.File("rgb", "images_background", "Alpha", "character01", $"{k:00}.png"), Png(255));
        var d = DatasetFactory.Create(new DatasetOptions
        {
            Kind = DatasetKind.NOmniglot, Root = Path.Combine(dir.Path, "ev"), RgbRoot = Path.Combine(dir.Path, "rgb"), FrameSize = 10, TimeSteps = 2,
        });
        Assert.Equal((1, 15, 5), (d.ClassCount, d.Count(DataSplit.Train), d.Count(DataSplit.Val)));
        var framed = NOmniglotFramer.Frame(new EventStream([54, 55, 56], [4, 4, 4], [0, 4, 9], [1, 1, 0]), 2);
        Assert.Equal(1f, framed[1, 0, 0, 2]); // t = 9 is past 2·⌊9/2⌋ but goes into the last bin
        Assert.Equal(1f, framed[0, 1, 0, 0]); // max-normalised
        Assert.Equal([2L, 2, 10, 10], d.GetDvs(DataSplit.Train, 0).Frames.Shape);
    }
}
