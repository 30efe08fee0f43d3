using Sweep.Trainer.Snn;
using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using Sweep.Trainer.Schedules;
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

    /// <summary>
    /// KT's sliding replacement (methods.md §2.1 step 4), also CKD's (§4.2): each sample's RGB sequence is replaced
    /// by its own events with probability P = progress^pow, drawn from <paramref name="rng"/> (CPU, for
    /// reproducibility across devices).
    /// </summary>
    public static Tensor SlidingReplaced(RunConfig config, PairedBatch batch, BatchContext at, Generator rng)
    {
        var dvs = batch.Dvs;
        var p = SlidingReplacement.Probability(at.BatchIndex, at.Epoch, at.BatchesPerEpoch, at.Epochs, config.Kt.Pow);
        using var draw = rand(new[] { dvs.shape[1] }, generator: rng);
        using var replace = draw.Lt(p).view(1, -1, 1, 1, 1).to(dvs.device);
        return where(replace, dvs, RgbSequence(config, batch));
    }
}
