namespace Sweep.Trainer.Data;

/// <summary>
/// <c>dataset.kind: cepdvs</c>. root holds <c>pathFile.csv</c> (header, then one record per sample; class =
/// 5th whitespace token), <c>data/MAT/img/&lt;n&gt;.mat</c> and <c>data/img/&lt;n&gt;.&lt;ext&gt;</c>; record k is the
/// k-th file by integer n. Labels follow the CIFAR-100 superclass order. Split per class in index order:
/// first half train, next fifth held out (KT's 250/100 of each 500-sample block). The RGB pool is the
/// training images of each class (true same-class pairing, not KT's index quirk).
/// </summary>
public sealed class CepDvsDataset : FileBackedDataset
{
    /// <summary>The 20 CIFAR-100 superclasses in label order.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
    [
        "aquatic_mammals", "fish", "flowers", "food_containers", "fruit_and_vegetables", "household_electrical_devices",
        "household_furniture", "insects", "large_carnivores", "large_man-made_outdoor_things",
        "large_natural_outdoor_scenes", "large_omnivores_and_herbivores", "medium_mammals",
        "non-insect_invertebrates", "people", "reptiles", "small_mammals", "trees", "vehicles_1", "vehicles_2",
    ];

    /// <summary>Reads the index files; decoding happens per sample.</summary>
    public CepDvsDataset(DatasetOptions options) : base(options, Index(options))
    {
    }

    /// <inheritdoc/>
    public override string Name => "cepdvs";

    /// <inheritdoc/>
    public override int ClassCount => ClassNames.Count;

    /// <inheritdoc/>
    protected override EventStream ReadEvents(string path) => CepDvsReader.Read(path);

    private static FileSplits Index(DatasetOptions options)
    {
        options.Validate();
        var root = options.Root!;
        var labels = ReadLabels(Path.Combine(root, "pathFile.csv"));
        var mats = NumberedFiles(Path.Combine(root, "data", "MAT", "img"), p => p.EndsWith(".mat", StringComparison.OrdinalIgnoreCase));
        var images = NumberedFiles(Path.Combine(root, "data", "img"), NCaltech101Dataset.IsImage);
        if (mats.Length != labels.Length)
            throw new DataFormatException(Path.Combine(root, "pathFile.csv"), $"{labels.Length} records but {mats.Length} .mat files");
        if (images.Length != labels.Length)
            throw new DataFormatException(Path.Combine(root, "data", "img"), $"{images.Length} images but {labels.Length} records");
        var fullTrain = new List<int>();
        var held = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]))
        {
            var members = group.ToArray();
            var cut = ClassSubsets.PythonRound(0.5 * members.Length);
            var heldCount = ClassSubsets.PythonRound(0.2 * members.Length);
            fullTrain.AddRange(members[..cut]);
            held.AddRange(members.Skip(cut).Take(heldCount));
        }
        fullTrain.Sort();
        held.Sort();
        var train = ClassSubsets.Fraction([.. fullTrain.Select(i => new FileSample(mats[i], labels[i]))], options.TrainFraction, options.Seed);
        var val = ClassSubsets.HeldOut([.. held.Select(i => new FileSample(mats[i], labels[i]))], s => s.Label, options);
        var pool = ClassSubsets.Fraction([.. fullTrain.Select(i => new FileSample(images[i], labels[i]))], options.RgbFraction,
            SeedMix.Derive(options.Seed, -3));
        return new FileSplits(train, val, new RgbPool(pool, ClassNames.Count, options.FrameSize, Path.Combine(root, "data", "img")));
    }

    /// <summary>Labels of the records of <c>pathFile.csv</c> (header skipped, class = 5th whitespace token).</summary>
    public static int[] ReadLabels(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var lines = File.ReadAllLines(path).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        var labels = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var tokens = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 5) throw new DataFormatException(path, $"record {i} (line {i + 2}) has {tokens.Length} tokens, need 5");
            var index = ClassNames.ToList().IndexOf(tokens[4]);
            labels[i] = index >= 0 ? index : throw new DataFormatException(path, $"record {i} (line {i + 2}) has unknown class '{tokens[4]}'");
        }
        return labels;
    }

    private static string[] NumberedFiles(string folder, Func<string, bool> accept)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: folder not found");
        return [.. Directory.GetFiles(folder).Where(accept).Select(f => (File: f, N: Number(f))).OrderBy(e => e.N).Select(e => e.File)];
    }

    private static long Number(string file) =>
        long.TryParse(Path.GetFileNameWithoutExtension(file), out var n) ? n : throw new DataFormatException(file, "file name is not an integer");
}
