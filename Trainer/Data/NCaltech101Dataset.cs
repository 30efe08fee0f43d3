namespace Sweep.Trainer.Data;

/// <summary>
/// <c>dataset.kind: ncaltech101</c>. root = <c>Caltech101/</c> with one folder per class (ordinal order:
/// BACKGROUND_Google, Faces_easy, …) of <c>image_XXXX.bin</c>; rgbRoot = <c>101_ObjectCategories/</c> with the
/// same class folders of <c>.jpg</c>. Per class the first round(0.9·count) files (ordinal file order) train,
/// the rest are held out; the RGB pool is the first round(0.9·count) images of each class.
/// </summary>
public sealed class NCaltech101Dataset : IPairedDataset
{
    /// <summary>KT's train portion.</summary>
    public const double TrainPortion = 0.9;

    private readonly DatasetOptions options;
    private readonly FileSample[] train;
    private readonly FileSample[] val;
    private readonly RgbPool rgb;

    /// <summary>Lists the files; decoding happens per sample.</summary>
    public NCaltech101Dataset(DatasetOptions options)
    {
        options.Validate();
        this.options = options;
        var root = options.Root!;
        Classes = [.. Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        if (Classes.Count == 0) throw new DataFormatException(root, "no class folders");
        var fullTrain = new List<FileSample>();
        var held = new List<FileSample>();
        var rgbImages = new List<FileSample>();
        for (var c = 0; c < Classes.Count; c++)
        {
            var (first, rest) = Split(ListFiles(Path.Combine(root, Classes[c]), "*.bin"), c);
            fullTrain.AddRange(first);
            held.AddRange(rest);
            var rgbFolder = Path.Combine(options.RgbRoot!, Classes[c]);
            if (!Directory.Exists(rgbFolder)) throw new DataFormatException(rgbFolder, "RGB class folder missing");
            rgbImages.AddRange(Split(ListImages(rgbFolder), c).Train);
        }
        train = ClassSubsets.Fraction(fullTrain, options.TrainFraction, options.Seed);
        val = [.. held];
        var pool = ClassSubsets.Fraction(rgbImages, options.RgbFraction, SeedMix.Derive(options.Seed, -3));
        rgb = new RgbPool(pool, Classes.Count, options.FrameSize, options.RgbRoot!);
    }

    /// <summary>Class folder names in label order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <inheritdoc/>
    public string Name => "ncaltech101";

    /// <inheritdoc/>
    public int ClassCount => Classes.Count;

    /// <inheritdoc/>
    public int TimeSteps => options.TimeSteps;

    /// <inheritdoc/>
    public int FrameSize => options.FrameSize;

    /// <inheritdoc/>
    public TrainSampling TrainSampling => options.EffectiveSampler;

    /// <summary>The samples of a split.</summary>
    public IReadOnlyList<FileSample> Samples(DataSplit split) => split == DataSplit.Train ? train : val;

    /// <inheritdoc/>
    public int Count(DataSplit split) => Samples(split).Count;

    /// <inheritdoc/>
    public int LabelOf(DataSplit split, int index) => Samples(split)[index].Label;

    /// <inheritdoc/>
    public DvsSample GetDvs(DataSplit split, int index, Random? augment = null)
    {
        var sample = Samples(split)[index];
        var events = NCaltech101Reader.Read(sample.Path);
        return new DvsSample(DvsPipeline.Prepare(events, options.TimeSteps, options.FrameSize, options.Augmentation, augment), sample.Label);
    }

    /// <inheritdoc/>
    public RgbSample GetRgbForClass(int label, Random rng) => rgb.Draw(label, rng);

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
