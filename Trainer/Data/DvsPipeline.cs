namespace Sweep.Trainer.Data;

/// <summary>KT's event transform: frame (tonic n_time_bins) → bilinear align_corners resize → train-time augmentation.</summary>
public static class DvsPipeline
{
    /// <summary>
    /// Frames <paramref name="events"/> into [steps, 2, size, size]. <paramref name="sensorHeight"/>/<paramref name="sensorWidth"/>
    /// fix the frame size before resizing (null: inferred from the sample's max y/x like tonic with sensor_size=None).
    /// </summary>
    public static FrameStack Prepare(EventStream events, int steps, int size, DvsAugmentation augmentation, Random? rng,
        int? sensorHeight = null, int? sensorWidth = null)
    {
        var frames = EventFramer.ToFrames(events, steps, sensorHeight, sensorWidth);
        var resized = FrameResize.BilinearAlignCorners(frames, size, size);
        return rng is null ? resized : augmentation.Apply(resized, rng);
    }
}
