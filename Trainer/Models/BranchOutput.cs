using static TorchSharp.torch;

namespace Sweep.Trainer.Models;

/// <summary>One branch's per-step outputs: logits [T,B,K], head inputs [T,B,F], CKA tensor [T,B,D]
/// (null when not requested).</summary>
public sealed record BranchOutput(Tensor Logits, Tensor Features, Tensor? Cka);
