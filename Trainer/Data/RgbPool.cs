namespace Sweep.Trainer.Data;

/// <summary>
/// Per-class RGB images for category-matched pairing, decoded and resized lazily once (KT preloads them all;
/// lazy loading keeps start-up fast when only a fraction is drawn).
/// </summary>
public sealed class RgbPool
{
    private readonly FileSample[][] byClass;
    private readonly Dictionary<string, RgbSample> cache = new(StringComparer.Ordinal);
    private readonly int size;
    private readonly string source;

    /// <summary>Groups <paramref name="images"/> by label; drawing from a class without images throws.</summary>
    public RgbPool(IEnumerable<FileSample> images, int classCount, int size, string source)
    {
        this.size = size;
        this.source = source;
        var groups = images.GroupBy(i => i.Label).ToDictionary(g => g.Key, g => g.ToArray());
        byClass = [.. Enumerable.Range(0, classCount).Select(c => groups.GetValueOrDefault(c, []))];
    }

    /// <summary>Images of a class.</summary>
    public IReadOnlyList<FileSample> Images(int label) => byClass[label];

    /// <summary>A uniformly drawn image of the class, resized to size×size.</summary>
    public RgbSample Draw(int label, Random rng)
    {
        var list = byClass[label];
        if (list.Length == 0) throw new DataFormatException(source, $"no RGB image for class {label}");
        var image = list[rng.Next(list.Length)];
        lock (cache)
        {
            if (cache.TryGetValue(image.Path, out var hit)) return hit;
        }
        var sample = RgbSample.From(RgbImageReader.Read(image.Path).Resize(size, size), label);
        lock (cache) cache[image.Path] = sample;
        return sample;
    }
}
