namespace Sweep.Trainer.Tests.Training;

/// <summary>Tests that seed or draw from torch's global generator run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "torch global generator";
}
