using Sweep.Trainer.Data;

namespace Sweep.Trainer.Tests.Data;

/// <summary>Test helpers over samples.</summary>
public static class SampleData
{
    /// <summary>The frame values of a sample.</summary>
    public static float[] Data(this DvsSample sample) => sample.Frames.Data;
}
