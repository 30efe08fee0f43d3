using TorchSharp;

namespace Sweep.Trainer.Data;

/// <summary>One event sample: frames [T, 2, H, W] float32 (bilinearly resampled counts, no normalisation) and its label.</summary>
public sealed record DvsSample(FrameStack Frames, int Label)
{
    /// <summary>A new float32 tensor [T, 2, H, W] on the calling thread (dispose scopes are thread-static).</summary>
    public torch.Tensor ToTensor() => torch.tensor(Frames.Data, Frames.Shape, torch.ScalarType.Float32);
}
