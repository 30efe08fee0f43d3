using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>One batch's loss and the DVS-branch logits [T,B,K] that train accuracy is read from.</summary>
public sealed record ObjectiveStep(Tensor Loss, Tensor DvsLogits);
