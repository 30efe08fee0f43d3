namespace Sweep.Trainer.Data;

/// <summary>
/// <c>dataset.kind: ncaltech101</c>. root = <c>Caltech101/</c> with one folder per class (ordinal order:
/// BACKGROUND_Google, Faces_easy, …) of <c>image_XXXX.bin</c>; rgbRoot = <c>101_ObjectCategories/</c> with the
/// same class folders of <c>.jpg</c>. Per class the first round(0.9·count) files (ordinal file order) train,
/// the rest are held out; the RGB pool is the first round(0.9·count) images of each class.
/// </summary>
public sealed class NCaltech101Dataset : FileBackedDataset
{
    /// <summary>KT's train portion.</summary>
    public const double TrainPortion = 0.9;

    /// <summary>Lists the files; decoding happens per sample.</summary>
    public NCaltech101Dataset(DatasetOptions options) : base(options, Index(options, out var classes)) => Classes = classes;

    /// <summary>Class folder names in label order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <inheritdoc/>
    public override string Name => "ncaltech101";

    /// <inheritdoc/>
    public override int ClassCount => Classes.Count;

    /// <inheritdoc/>
    protected override EventStream ReadEvents(string path) => NCaltech101Reader.Read(path);

    private static FileSplits Index(DatasetOptions options, out string[] classes)
    {
        options.Validate();
        var root = options.Root!;
        classes = [.. Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        if (classes.Length == 0) throw new DataFormatException(root, "no class folders");
        var fullTrain = new List<FileSample>();
        var held = new List<FileSample>();
        var rgbImages = new List<FileSample>();
        for (var c = 0; c < classes.Length; c++)
        {
            var (first, rest) = Split(ListFiles(Path.Combine(root, classes[c]), "*.bin"), c);
            fullTrain.AddRange(first);
            held.AddRange(rest);
            var rgbFolder = Path.Combine(options.RgbRoot!, classes[c]);
            if (!Directory.Exists(rgbFolder)) throw new DataFormatException(rgbFolder, "RGB class folder missing");
            rgbImages.AddRange(Split(ListImages(rgbFolder), c).Train);
        }
        var train = ClassSubsets.Fraction(fullTrain, options.TrainFraction, options.Seed);
        var pool = ClassSubsets.Fraction(rgbImages, options.RgbFraction, SeedMix.Derive(options.Seed, -3));
        return new FileSplits(train, ClassSubsets.HeldOut(held, s => s.Label, options), new RgbPool(pool, classes.Length, options.FrameSize, options.RgbRoot!));
    }

    /// <summary>Per class: first round(0.9·n) (Python rounding) train, rest held out.</summary>
    public static (FileSample[] Train, FileSample[] Held) Split(IReadOnlyList<string> files, int label)
    {
        var cut = ClassSubsets.PythonRound(TrainPortion * files.Count);
        var samples = files.Select(f => new FileSample(f, label)).ToArray();
        return (samples[..cut], samples[cut..]);
    }

    private static string[] ListFiles(string folder, string pattern)
    {
        var files = Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new DataFormatException(folder, $"no {pattern} files");
        return files;
    }

    private static string[] ListImages(string folder)
    {
        var files = Directory.GetFiles(folder).Where(IsImage).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new DataFormatException(folder, "no .jpg/.jpeg/.png images");
        return files;
    }

    internal static bool IsImage(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png";
}
