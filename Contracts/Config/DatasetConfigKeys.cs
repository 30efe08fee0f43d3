using System.Collections.Immutable;
using static Sweep.Contracts.Config.ConfigKeys;

namespace Sweep.Contracts.Config;

/// <summary>
/// The <c>dataset.*</c> keys. Kind-specific keys go here too; a key a kind does not use is accepted and ignored
/// by that kind, so one sweep spec can switch <c>dataset.kind</c>.
/// </summary>
public static class DatasetConfigKeys
{
    public static readonly ImmutableArray<string> Kinds = ["synthetic", "ncaltech101", "cepdvs", "nomniglot"];

    public static ImmutableArray<ConfigKey> All { get; } =
    [
        Choice("dataset.kind", "synthetic", Kinds, "Which dataset; synthetic needs no files."),
        PathKey("dataset.root", "", "Event dataset folder.") with { Resumable = true },
        PathKey("dataset.rgbRoot", "", "Paired RGB dataset folder (kt, tmkt, ckd, ann).") with { Resumable = true },
        Int("dataset.frameSize", 48, 8, 512, "Event frames are resampled to frameSize × frameSize."),
        Number("dataset.trainFraction", 1.0, 0, 1, "Fraction of the DVS training set used (KT's --traindata-ratio): class-balanced, seeded.", exclusive: true)
            with { Aliases = ["dataset.trainPortion"] },
        Number("dataset.rgbFraction", 1.0, 0, 1, "Fraction of the RGB pool drawn from (KT's --rgbdata-ratio): class-balanced, seeded.", exclusive: true)
            with { Aliases = ["dataset.rgbPortion"] },
        Number("dataset.testFraction", 0, 0, 0.9, "Share of each class's held-out scenes kept back as a test split (chosen by dataset.seed alone); val is the rest. 0: no test split."),
        Choice("dataset.evalSplit", "val", ["val", "test"], "Held-out part a run evaluates on and reports as val_top1: val while sweeping, test for the final `sweep train` (needs dataset.testFraction > 0)."),
        Int("dataset.classes", 10, 2, null, "synthetic: number of classes."),
        Int("dataset.samplesPerClass", 64, 1, null, "synthetic: samples per class."),
        Number("dataset.noise", 0.1, 0, 1000, "synthetic: background-activity noise, events per pixel per second."),
        Number("dataset.hotPixels", 0.001, 0, 0.1, "synthetic: fraction of the emulated sensor's pixels that fire on their own (hot pixels)."),
        Number("dataset.contrastThreshold", 0.2, 0.01, 2, "synthetic: log-intensity change per event; higher is sparser."),
        Int("dataset.seed", 0, 0, null, "Seed of the split and of synthetic data (0: use seed)."),
        Bool("dataset.augment", false, "Flip and ±15° rotation of event training frames (KT's DVS augmentation)."),
        Bool("dataset.randomCrop", true, "RandomCrop(frameSize, padding 4) of event training frames (KT's transform; always on there)."),
    ];
}
