namespace Sweep.Trainer.Data;

/// <summary>
/// A DVS dataset with a category-matched RGB pool. Indices are 0-based within a split. Implementations
/// produce plain arrays (no torch) so a loader may call them from one background thread; they are not
/// required to be safe for concurrent callers.
/// </summary>
public interface IPairedDataset
{
    /// <summary>Dataset kind name as in <c>dataset.kind</c>.</summary>
    string Name { get; }

    /// <summary>Number of classes; labels are 0 … ClassCount−1.</summary>
    int ClassCount { get; }

    /// <summary>Time bins T per DVS sample.</summary>
    int TimeSteps { get; }

    /// <summary>Frame height = width of DVS frames and RGB images.</summary>
    int FrameSize { get; }

    /// <summary>How the loader should order the training split.</summary>
    TrainSampling TrainSampling { get; }

    /// <summary>Number of samples in a split.</summary>
    int Count(DataSplit split);

    /// <summary>Label of a sample without decoding it (for samplers).</summary>
    int LabelOf(DataSplit split, int index);

    /// <summary>
    /// Decodes, frames and resizes one sample to [T, 2, FrameSize, FrameSize]; with <paramref name="augment"/>
    /// (training) applies the configured random crop/flip/rotation drawn from it.
    /// </summary>
    DvsSample GetDvs(DataSplit split, int index, Random? augment = null);

    /// <summary>A random training-pool image of class <paramref name="label"/> (category-matched pairing).</summary>
    RgbSample GetRgbForClass(int label, Random rng);
}
