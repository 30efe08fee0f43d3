namespace Sweep.Trainer.Tests;

/// <summary>
/// Serialises the tests that run autograd through TorchSharp's custom functions and the global torch RNG:
/// xunit runs classes in parallel, and concurrent custom-function backward passes produced NaN gradients
/// (the trainer itself runs one training loop per thread).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "Torch";
}
