namespace Sweep.Trainer.Data;

/// <summary>
/// <c>dataset.kind: synthetic</c>. Scenes are generated on demand and fully determined by
/// (dataset.seed, class, sample): the DVS sample is the emulated recording of the scene, the RGB image is
/// the same scene's colour frame at time 0. The last round(valFraction·samplesPerClass) scenes of each
/// class are held out; the RGB pool is the training scenes of each class.
/// </summary>
public sealed class SyntheticDataset : IPairedDataset
{
    private readonly DatasetOptions options;
    private readonly EventSensorEmulator sensor;
    private readonly int[] train;
    private readonly int[] val;
    private readonly int[][] rgbPool;
    private readonly RgbSample?[] rgbCache;

    /// <summary>Builds the index lists; generation happens in <see cref="GetDvs"/> / <see cref="GetRgbForClass"/>.</summary>
    public SyntheticDataset(DatasetOptions options)
    {
        options.Validate();
        this.options = options;
        sensor = new EventSensorEmulator(options.SensorSize, options.ContrastThreshold, options.Noise, options.HotPixels,
            SeedMix.Derive(options.Seed, -7));
        var perClass = options.SamplesPerClass;
        var held = Math.Clamp(ClassSubsets.PythonRound(options.ValFraction * perClass), 1, perClass - 1);
        var all = Enumerable.Range(0, options.Classes * perClass).ToArray();
        var fullTrain = all.Where(id => id % perClass < perClass - held).ToArray();
        val = ClassSubsets.HeldOut([.. all.Where(id => id % perClass >= perClass - held)], LabelOfId, options);
        train = ClassSubsets.Fraction(fullTrain, LabelOfId, options.TrainFraction, options.Seed);
        var pool = ClassSubsets.Fraction(fullTrain, LabelOfId, options.RgbFraction, SeedMix.Derive(options.Seed, -3));
        rgbPool = [.. Enumerable.Range(0, options.Classes).Select(c => pool.Where(id => LabelOfId(id) == c).ToArray())];
        rgbCache = new RgbSample?[all.Length];
    }

    /// <inheritdoc/>
    public string Name => "synthetic";

    /// <inheritdoc/>
    public int ClassCount => options.Classes;

    /// <inheritdoc/>
    public int TimeSteps => options.TimeSteps;

    /// <inheritdoc/>
    public int FrameSize => options.FrameSize;

    /// <inheritdoc/>
    public TrainSampling TrainSampling => options.EffectiveSampler;

    /// <summary>Scene ids (class·samplesPerClass + sample) of the RGB pool of a class.</summary>
    public IReadOnlyList<int> RgbPool(int label) => rgbPool[label];

    /// <inheritdoc/>
    public int Count(DataSplit split) => Ids(split).Length;

    /// <inheritdoc/>
    public int LabelOf(DataSplit split, int index) => LabelOfId(Ids(split)[index]);

    /// <summary>Scene id of a split index.</summary>
    public int SceneId(DataSplit split, int index) => Ids(split)[index];

    /// <summary>The raw emulated events of a scene (sensorSize × sensorSize, µs timestamps).</summary>
    public EventStream Events(int sceneId) => sensor.Record(Scene(sceneId), SeedMix.Rng(options.Seed, sceneId, 1));

    /// <inheritdoc/>
    public DvsSample GetDvs(DataSplit split, int index, Random? augment = null)
    {
        var id = Ids(split)[index];
        var frames = DvsPipeline.Prepare(Events(id), options.TimeSteps, options.FrameSize, options.Augmentation, augment,
            options.SensorSize, options.SensorSize);
        return new DvsSample(frames, LabelOfId(id));
    }

    /// <inheritdoc/>
    public RgbSample GetRgbForClass(int label, Random rng)
    {
        var pool = rgbPool[label];
        var id = pool[rng.Next(pool.Length)];
        return rgbCache[id] ??= RgbSample.From(Scene(id).RenderColour().Resize(options.FrameSize, options.FrameSize), label);
    }

    private int[] Ids(DataSplit split) => split == DataSplit.Train ? train : val;

    private int LabelOfId(int id) => id / options.SamplesPerClass;

    private SyntheticScene Scene(int id) => new(LabelOfId(id), options.SensorSize, SeedMix.Rng(options.Seed, id, 0));
}
