using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>The RGB-side sequence of a transfer batch: V repeated over T (or blank for the control).</summary>
public static class TransferInputs
{
    public static Tensor RgbSequence(RunConfig config, PairedBatch batch)
    {
        if (config.Get<bool>("transfer.blankRgb")) return Methods.RgbSequence.Blank(batch.Dvs);
        var value = batch.RgbValue
            ?? throw new InvalidOperationException($"method {config.Method.ToString().ToLowerInvariant()} needs RGB images, but dataset '{config.Dataset.Kind}' gave none");
        return Methods.RgbSequence.Of(value, batch.Dvs.shape[0]);
    }
}
