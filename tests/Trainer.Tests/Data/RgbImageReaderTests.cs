using SkiaSharp;
using Sweep.Trainer.Data;
using static Sweep.Trainer.Tests.Data.FixtureFiles;

namespace Sweep.Trainer.Tests.Data;

public sealed class RgbImageReaderTests
{
    private static readonly byte[] Pixels = [255, 0, 0, 10, 200, 30, 0, 0, 128, 60, 60, 60];

    [Fact]
    public void PngDecodesExactlyAndValueIsMaxOverChannels()
    {
        using var dir = new TempFolder();
        var path = dir.File("a.png");
        File.WriteAllBytes(path, Image(Pixels, 2, 2, SKEncodedImageFormat.Png));
        var image = RgbImageReader.Read(path);
        Assert.Equal(Pixels, image.Pixels);
        Assert.Equal([1f, 200 / 255f, 128 / 255f, 60 / 255f], image.ValuePlane());
        var sample = RgbSample.From(image, 3);
        Assert.Equal([1f, 10 / 255f, 0f, 60 / 255f], sample.Colour[..4]); // R plane first
    }

    [Fact]
    public void GrayscaleIsTiledAndJpegDecodesApproximately()
    {
        using var dir = new TempFolder();
        var gray = dir.File("g.png");
        File.WriteAllBytes(gray, Image([.. Pixels.Select((_, i) => (byte)(i / 3 * 50))], 2, 2, SKEncodedImageFormat.Png, gray: true));
        Assert.Equal([0, 0, 0, 50, 50, 50, 100, 100, 100, 150, 150, 150], RgbImageReader.Read(gray).Pixels);
        var flat = Enumerable.Repeat((byte)90, 3 * 64).ToArray();
        var jpeg = dir.File("j.jpg");
        File.WriteAllBytes(jpeg, Image(flat, 8, 8, SKEncodedImageFormat.Jpeg));
        var decoded = RgbImageReader.Read(jpeg).Resize(4, 4);
        Assert.Equal((4, 4), (decoded.Height, decoded.Width));
        Assert.All(decoded.ValuePlane(), v => Assert.InRange(v, 86 / 255f, 94 / 255f));
    }

    [Fact]
    public void CorruptAndMissingImagesNameTheFile()
    {
        using var dir = new TempFolder();
        var bad = dir.File("bad.jpg");
        File.WriteAllBytes(bad, [1, 2, 3, 4, 5]);
        Assert.Equal($"{bad}: not a decodable image (5 bytes)", Assert.Throws<DataFormatException>(() => RgbImageReader.Read(bad)).Message);
        Assert.Contains("none.png", Assert.Throws<FileNotFoundException>(() => RgbImageReader.Read(dir.File("none.png"))).Message);
    }
}
