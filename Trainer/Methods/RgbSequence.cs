using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>KT's "direct" RGB encoding: the V channel [B,1,H,W] repeated on both polarities and all T steps.</summary>
public static class RgbSequence
{
    public static Tensor Of(Tensor value, long timeSteps) =>
        value.unsqueeze(0).expand(timeSteps, -1, 2, -1, -1).contiguous();

    /// <summary>The blank-RGB control: zeros shaped like the DVS input.</summary>
    public static Tensor Blank(Tensor dvs) => zeros_like(dvs);
}
