namespace Sweep.Trainer.Data;

/// <summary>
/// The <c>dataset.*</c> configuration. Validation messages name the key. Keys marked (synthetic) are
/// ignored by the file-backed kinds.
/// </summary>
public sealed record DatasetOptions
{
    /// <summary><c>dataset.kind</c>: synthetic | ncaltech101 | cepdvs | nomniglot. Default: synthetic.</summary>
    public DatasetKind Kind { get; init; } = DatasetKind.Synthetic;

    /// <summary><c>dataset.root</c>: the event data folder (file-backed kinds). Default: none.</summary>
    public string? Root { get; init; }

    /// <summary><c>dataset.rgbRoot</c>: the RGB image folder (ncaltech101, nomniglot; cepdvs reads root/data/img). Default: none.</summary>
    public string? RgbRoot { get; init; }

    /// <summary><c>dataset.frameSize</c>: H = W of frames and images (KT: 48; N-Omniglot 28). Default: 48.</summary>
    public int FrameSize { get; init; } = 48;

    /// <summary><c>dataset.timeSteps</c>: time bins T (the run's T). Default: 10.</summary>
    public int TimeSteps { get; init; } = 10;

    /// <summary><c>dataset.trainFraction</c>: class-balanced fraction of the DVS training set (KT --traindata-ratio). Default: 1.</summary>
    public double TrainFraction { get; init; } = 1.0;

    /// <summary><c>dataset.rgbFraction</c>: class-balanced fraction of the RGB pool (KT --rgbdata-ratio). Default: 1.</summary>
    public double RgbFraction { get; init; } = 1.0;

    /// <summary><c>dataset.testFraction</c>: share of each class's held-out items kept back as a test split. Default: 0.</summary>
    public double TestFraction { get; init; }

    /// <summary><c>dataset.evalSplit</c>: the held-out part the run evaluates on. Default: val.</summary>
    public HeldOutSplit EvalSplit { get; init; } = HeldOutSplit.Val;

    /// <summary><c>dataset.seed</c>: seed of subsets and synthetic generation. Default: 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary><c>dataset.randomCrop</c>: train-time RandomCrop(frameSize, padding 4). Default: true.</summary>
    public bool RandomCrop { get; init; } = true;

    /// <summary><c>dataset.dvsAugment</c>: flip + rotation ±15° (KT --DVS-DA). Default: false.</summary>
    public bool DvsAugment { get; init; }

    /// <summary><c>dataset.sampler</c>: training order, balanced | shuffle; null = the kind's KT default
    /// (ncaltech101 balanced, others shuffle). Default: null.</summary>
    public TrainSampling? Sampler { get; init; }

    /// <summary><c>dataset.classes</c> (synthetic): number of classes, 2–20. Default: 10.</summary>
    public int Classes { get; init; } = 10;

    /// <summary><c>dataset.samplesPerClass</c> (synthetic): generated scenes per class. Default: 60.</summary>
    public int SamplesPerClass { get; init; } = 60;

    /// <summary><c>dataset.valFraction</c> (synthetic): held-out share of each class. Default: 0.2.</summary>
    public double ValFraction { get; init; } = 0.2;

    /// <summary><c>dataset.noise</c> (synthetic): background-activity noise events per pixel per second. Default: 2.</summary>
    public double Noise { get; init; } = 2.0;

    /// <summary><c>dataset.hotPixels</c> (synthetic): fraction of hot pixels of the emulated sensor. Default: 0.001.</summary>
    public double HotPixels { get; init; } = 0.001;

    /// <summary><c>dataset.contrastThreshold</c> (synthetic): log-intensity change per event. Default: 0.2.</summary>
    public double ContrastThreshold { get; init; } = 0.2;

    /// <summary><c>dataset.sensorSize</c> (synthetic): emulated sensor H = W in pixels. Default: 64.</summary>
    public int SensorSize { get; init; } = 64;

    /// <summary>The training order after applying the kind's default.</summary>
    public TrainSampling EffectiveSampler =>
        Sampler ?? (Kind == DatasetKind.NCaltech101 ? TrainSampling.ClassBalanced : TrainSampling.Shuffle);

    /// <summary>Train-time transforms from the options.</summary>
    public DvsAugmentation Augmentation => new(RandomCrop, 4, DvsAugment);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid key.</summary>
    public void Validate()
    {
        Require(FrameSize is >= 8 and <= 512, "dataset.frameSize", "must be in [8, 512]", FrameSize);
        Require(TimeSteps is >= 1 and <= 1000, "dataset.timeSteps", "must be in [1, 1000]", TimeSteps);
        Require(TrainFraction is > 0 and <= 1, "dataset.trainFraction", "must be in (0, 1]", TrainFraction);
        Require(RgbFraction is > 0 and <= 1, "dataset.rgbFraction", "must be in (0, 1]", RgbFraction);
        Require(TestFraction is >= 0 and <= 0.9, "dataset.testFraction", "must be in [0, 0.9]", TestFraction);
        Require(EvalSplit == HeldOutSplit.Val || TestFraction > 0, "dataset.evalSplit",
            "test needs dataset.testFraction above 0 (no test split is kept back)", "test");
        if (Kind == DatasetKind.Synthetic)
        {
            Require(Classes is >= 2 and <= SyntheticScene.MaxClasses, "dataset.classes", $"must be in [2, {SyntheticScene.MaxClasses}]", Classes);
            Require(SamplesPerClass >= 2, "dataset.samplesPerClass", "must be at least 2", SamplesPerClass);
            Require(ValFraction is > 0 and < 1, "dataset.valFraction", "must be in (0, 1)", ValFraction);
            Require(Noise is >= 0 and <= 1000, "dataset.noise", "must be in [0, 1000] events/pixel/s", Noise);
            Require(HotPixels is >= 0 and <= 0.1, "dataset.hotPixels", "must be in [0, 0.1]", HotPixels);
            Require(ContrastThreshold is >= 0.01 and <= 2, "dataset.contrastThreshold", "must be in [0.01, 2]", ContrastThreshold);
            Require(SensorSize is >= 16 and <= 512, "dataset.sensorSize", "must be in [16, 512]", SensorSize);
            return;
        }
        RequireFolder(Root, "dataset.root");
        if (Kind != DatasetKind.CepDvs) RequireFolder(RgbRoot, "dataset.rgbRoot");
    }

    private static void Require(bool ok, string key, string rule, object value)
    {
        if (!ok) throw new ArgumentException($"{key} {rule}, but got {value}.");
    }

    private void RequireFolder(string? path, string key)
    {
        var kind = Kind.ToString().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{key} is required for dataset.kind {kind}.");
        if (!Directory.Exists(path)) throw new ArgumentException($"{key} '{path}' is not an existing folder.");
    }
}
