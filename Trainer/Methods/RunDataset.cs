using Sweep.Trainer.Config;
using Sweep.Trainer.Data;

namespace Sweep.Trainer.Methods;

/// <summary>The dataset a run config names; the frames get the run's <c>timeSteps</c>.</summary>
public static class RunDataset
{
    public static DatasetOptions Options(RunConfig c) => new()
    {
        Kind = DatasetFactory.ParseKind(c.Dataset.Kind),
        Root = c.Dataset.Root is { Length: > 0 } root ? root : null,
        RgbRoot = c.Dataset.RgbRoot is { Length: > 0 } rgb ? rgb : null,
        FrameSize = c.Dataset.FrameSize,
        TimeSteps = c.TimeSteps,
        TrainFraction = c.Dataset.TrainFraction,
        RgbFraction = c.Dataset.RgbFraction,
        Seed = c.Dataset.Seed,
        TestFraction = c.Get<double>("dataset.testFraction"),
        EvalSplit = c.Get<string>("dataset.evalSplit") == "test" ? HeldOutSplit.Test : HeldOutSplit.Val,
        DvsAugment = c.Dataset.Augment,
        RandomCrop = c.Get<bool>("dataset.randomCrop"),
        Classes = c.Dataset.Classes,
        SamplesPerClass = c.Dataset.SamplesPerClass,
        Noise = c.Dataset.Noise,
        HotPixels = c.Get<double>("dataset.hotPixels"),
        ContrastThreshold = c.Get<double>("dataset.contrastThreshold"),
    };

    public static IPairedDataset Create(RunConfig c) => DatasetFactory.Create(Options(c));
}
