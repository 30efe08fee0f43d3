using SkiaSharp;

namespace Sweep.Trainer.Data;

/// <summary>Decodes JPEG/PNG (any format Skia reads) to RGB bytes; grayscale is tiled to 3 channels.</summary>
public static class RgbImageReader
{
    /// <summary>Decodes <paramref name="path"/>; throws with the path on a missing or undecodable file.</summary>
    public static RgbImage Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new DataFormatException(path, "empty image file");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new DataFormatException(path, $"not a decodable image ({bytes.Length} bytes)");
        using var bitmap = SKBitmap.Decode(codec)
            ?? throw new DataFormatException(path, $"undecodable {codec.EncodedFormat} image ({bytes.Length} bytes)");
        // Converting to RGBA8888 also tiles gray (Gray8) images: R = G = B = gray, so V = gray.
        var info = new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = new SKBitmap(info);
        if (!bitmap.CopyTo(rgba, SKColorType.Rgba8888))
            throw new DataFormatException(path, $"cannot convert colour type {bitmap.ColorType} to RGB");
        var src = rgba.GetPixelSpan();
        var n = bitmap.Width * bitmap.Height;
        var rgb = new byte[3 * n];
        for (var i = 0; i < n; i++)
        {
            rgb[3 * i] = src[4 * i];
            rgb[3 * i + 1] = src[4 * i + 1];
            rgb[3 * i + 2] = src[4 * i + 2];
        }
        return new RgbImage(rgb, bitmap.Height, bitmap.Width);
    }
}
