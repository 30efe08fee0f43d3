namespace Sweep.Trainer.Data;

/// <summary>
/// <c>dataset.kind: nomniglot</c>. root holds <c>dvs_background/</c> and <c>dvs_evaluation/</c>, each
/// <c>&lt;Alphabet&gt;/&lt;character&gt;/</c> with one <c>.aedat4</c> and one <c>.csv</c> of the 20 drawers' start/end
/// timestamps. Labels: background characters (ordinal alphabet, character order) then evaluation ones.
/// Drawers 0–14 train, 15–19 held out. rgbRoot is torchvision's Omniglot (<c>images_background/</c>,
/// <c>images_evaluation/</c>, same alphabet/character names); the pool of a class is its first 15 images.
/// Frames: <see cref="NOmniglotFramer"/> then area resize to frameSize (approximates torchvision's antialiased Resize).
/// </summary>
public sealed class NOmniglotDataset : IPairedDataset
{
    /// <summary>Drawers per character used for training.</summary>
    public const int TrainDrawers = 15;

    private readonly DatasetOptions options;
    private readonly NOmniglotCharacter[] characters;
    private readonly (int Character, int Drawer)[] train;
    private readonly (int Character, int Drawer)[] val;
    private readonly RgbPool rgb;
    private readonly Dictionary<int, (EventStream Events, IReadOnlyList<(long Start, long End)> Bounds)> recent = [];

    /// <summary>Lists the characters and reads their csv files.</summary>
    public NOmniglotDataset(DatasetOptions options)
    {
        options.Validate();
        this.options = options;
        var list = new List<NOmniglotCharacter>();
        foreach (var (dvsPart, rgbPart) in new[] { ("dvs_background", "images_background"), ("dvs_evaluation", "images_evaluation") })
        {
            var part = Path.Combine(options.Root!, dvsPart);
            if (!Directory.Exists(part)) continue;
            foreach (var alphabet in Sorted(Directory.GetDirectories(part)))
            foreach (var character in Sorted(Directory.GetDirectories(alphabet)))
            {
                var relative = Path.GetRelativePath(part, character);
                list.Add(new NOmniglotCharacter(Single(character, "*.aedat4"), Single(character, "*.csv"),
                    Path.Combine(options.RgbRoot!, rgbPart, relative), list.Count));
            }
        }
        if (list.Count == 0) throw new DataFormatException(options.Root!, "no dvs_background/ or dvs_evaluation/ characters");
        characters = [.. list];
        var fullTrain = new List<(int, int)>();
        var held = new List<(int, int)>();
        foreach (var c in characters)
        {
            var drawers = NOmniglotCharacter.ReadBounds(c.Csv).Count;
            for (var d = 0; d < drawers; d++) (d < TrainDrawers ? fullTrain : held).Add((c.Label, d));
        }
        train = ClassSubsets.Fraction(fullTrain, e => e.Item1, options.TrainFraction, options.Seed);
        val = ClassSubsets.HeldOut(held, e => e.Item1, options);
        var images = characters.SelectMany(c => RgbImages(c).Take(TrainDrawers).Select(f => new FileSample(f, c.Label))).ToArray();
        rgb = new RgbPool(ClassSubsets.Fraction(images, options.RgbFraction, SeedMix.Derive(options.Seed, -3)), characters.Length,
            options.FrameSize, options.RgbRoot!);
    }

    /// <inheritdoc/>
    public string Name => "nomniglot";

    /// <inheritdoc/>
    public int ClassCount => characters.Length;

    /// <inheritdoc/>
    public int TimeSteps => options.TimeSteps;

    /// <inheritdoc/>
    public int FrameSize => options.FrameSize;

    /// <inheritdoc/>
    public TrainSampling TrainSampling => options.EffectiveSampler;

    /// <inheritdoc/>
    public int Count(DataSplit split) => Items(split).Length;

    /// <inheritdoc/>
    public int LabelOf(DataSplit split, int index) => Items(split)[index].Character;

    /// <inheritdoc/>
    public DvsSample GetDvs(DataSplit split, int index, Random? augment = null)
    {
        var (character, drawer) = Items(split)[index];
        var (events, bounds) = Load(character);
        var (start, end) = bounds[drawer];
        var frames = NOmniglotFramer.Frame(NOmniglotFramer.Slice(events, start, end), options.TimeSteps);
        var resized = FrameResize.Area(frames, options.FrameSize, options.FrameSize);
        return new DvsSample(augment is null ? resized : options.Augmentation.Apply(resized, augment), character);
    }

    /// <inheritdoc/>
    public RgbSample GetRgbForClass(int label, Random rng) => rgb.Draw(label, rng);

    // Drawers of one character share a file; keeping a few decoded files avoids re-reading it per drawer.
    private (EventStream, IReadOnlyList<(long, long)>) Load(int character)
    {
        if (recent.TryGetValue(character, out var hit)) return hit;
        if (recent.Count >= 8) recent.Remove(recent.Keys.First());
        var c = characters[character];
        var loaded = (Aedat4Reader.Read(c.Aedat), NOmniglotCharacter.ReadBounds(c.Csv));
        recent[character] = loaded;
        return loaded;
    }

    private (int Character, int Drawer)[] Items(DataSplit split) => split == DataSplit.Train ? train : val;

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.Order(StringComparer.Ordinal);

    private static string Single(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern) switch
        {
            [var one] => one,
            var many => throw new DataFormatException(folder, $"expected one {pattern} file, found {many.Length}"),
        };

    private static string[] RgbImages(NOmniglotCharacter c)
    {
        if (!Directory.Exists(c.RgbFolder)) throw new DataFormatException(c.RgbFolder, "RGB character folder missing");
        var files = Directory.GetFiles(c.RgbFolder).Where(NCaltech101Dataset.IsImage).Order(StringComparer.Ordinal).ToArray();
        return files.Length > 0 ? files : throw new DataFormatException(c.RgbFolder, "no images");
    }
}
