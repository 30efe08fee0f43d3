namespace Sweep.Trainer.Data;

/// <summary>
/// The part every dataset of event files on disk shares: the split lists, per-sample decoding through the
/// common framing pipeline, and category-matched RGB draws. A kind supplies its index pass and its reader.
/// </summary>
public abstract class FileBackedDataset : IPairedDataset
{
    private readonly FileSplits splits;

    protected FileBackedDataset(DatasetOptions options, FileSplits splits)
    {
        Options = options;
        this.splits = splits;
    }

    protected DatasetOptions Options { get; }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract int ClassCount { get; }

    /// <inheritdoc/>
    public int TimeSteps => Options.TimeSteps;

    /// <inheritdoc/>
    public int FrameSize => Options.FrameSize;

    /// <inheritdoc/>
    public TrainSampling TrainSampling => Options.EffectiveSampler;

    /// <summary>The samples of a split.</summary>
    public IReadOnlyList<FileSample> Samples(DataSplit split) => split == DataSplit.Train ? splits.Train : splits.Val;

    /// <inheritdoc/>
    public int Count(DataSplit split) => Samples(split).Count;

    /// <inheritdoc/>
    public int LabelOf(DataSplit split, int index) => Samples(split)[index].Label;

    /// <inheritdoc/>
    public DvsSample GetDvs(DataSplit split, int index, Random? augment = null)
    {
        var sample = Samples(split)[index];
        var events = ReadEvents(sample.Path);
        return new DvsSample(DvsPipeline.Prepare(events, Options.TimeSteps, Options.FrameSize, Options.Augmentation, augment), sample.Label);
    }

    /// <inheritdoc/>
    public RgbSample GetRgbForClass(int label, Random rng) => splits.Rgb.Draw(label, rng);

    /// <summary>Decodes one event file of this kind.</summary>
    protected abstract EventStream ReadEvents(string path);
}
