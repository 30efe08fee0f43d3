using Sweep.Trainer.Data;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// Colour RGB batches for the ANN teacher: the loader's epoch plan gives the labels, and each sample draws a
/// category-matched image from the RGB pool, as the SNN's pairing does; no events are decoded. The datasets hold no
/// held-out RGB images, so validation draws come from the pool too: val accuracy is the teacher's fit on the pool.
/// </summary>
public sealed class RgbBatches(IPairedDataset dataset, PairedBatchLoader loader, int seed)
{
    /// <summary>Images float32 [B,3,H,W] in [0,1] and labels int64 [B], created on the calling thread.</summary>
    public IEnumerable<(Tensor Images, Tensor Labels)> Batches(DataSplit split, int epoch, Device device)
    {
        var plan = loader.Plan(split, epoch);
        var s = dataset.FrameSize;
        for (var k = 0; k < plan.Count; k++)
        {
            // Own stream (-11): the draws do not replay the SNN loader's pairing.
            var rng = SeedMix.Rng(seed, -11, (long)split, epoch, k);
            var indices = plan[k];
            var pixels = new float[indices.Length * 3 * s * s];
            var labels = new long[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                labels[i] = dataset.LabelOf(split, indices[i]);
                var rgb = dataset.GetRgbForClass((int)labels[i], rng);
                Array.Copy(rgb.Colour, 0, pixels, i * 3 * s * s, 3 * s * s);
            }
            yield return (tensor(pixels, [indices.Length, 3, s, s], ScalarType.Float32, device),
                          tensor(labels, [indices.Length], ScalarType.Int64, device));
        }
    }
}
