using TorchSharp;

namespace Sweep.Trainer.Data;

/// <summary>
/// One static image for pairing: <see cref="Value"/> is the HSV V plane [1, H, W] in [0, 1] that the SNN
/// sees (repeated over 2 channels × T by the model); <see cref="Colour"/> is RGB [3, H, W] in [0, 1].
/// </summary>
public sealed record RgbSample(float[] Value, float[] Colour, int Height, int Width, int Label)
{
    /// <summary>Builds both planes from an image already at the target size.</summary>
    public static RgbSample From(RgbImage image, int label) =>
        new(image.ValuePlane(), image.ColourPlanes(), image.Height, image.Width, label);

    /// <summary>The V plane as a float32 tensor [1, H, W].</summary>
    public torch.Tensor ValueTensor() => torch.tensor(Value, [1, Height, Width], torch.ScalarType.Float32);

    /// <summary>The colour planes as a float32 tensor [3, H, W].</summary>
    public torch.Tensor ColourTensor() => torch.tensor(Colour, [3, Height, Width], torch.ScalarType.Float32);
}
