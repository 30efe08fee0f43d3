using Sweep.Contracts.Config;

namespace Sweep.Trainer.Config;

/// <summary>
/// The documented <c>dataset.*</c> keys, typed. Keys added to <see cref="DatasetConfigKeys"/> later are read with
/// <see cref="RunConfig.Get{T}"/> until they earn a property here.
/// </summary>
public sealed record DatasetSettings(
    string Kind, string Root, string RgbRoot, int FrameSize, double TrainFraction, double RgbFraction,
    int Classes, int SamplesPerClass, double Noise, int Seed, bool Augment);
