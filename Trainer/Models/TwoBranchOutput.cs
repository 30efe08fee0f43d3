using static TorchSharp.torch;

namespace Sweep.Trainer.Models;

/// <summary>
/// What a two-branch forward (methods.md §1.4) returns. A = the RGB / mixed / replaced branch,
/// B = the DVS branch. Logits are per step [T,B,K]; <c>Features*</c> are the per-step head inputs
/// [T,B,F] (MAG/MRP heads read them); <c>Cka*</c> are the per-step CKA tensors [T,B,D].
/// For ResNet-18 the CKA tensor is the head input itself (the same tensor object as the feature).
/// </summary>
public sealed record TwoBranchOutput(
    Tensor LogitsA, Tensor LogitsB, Tensor FeaturesA, Tensor FeaturesB, Tensor CkaA, Tensor CkaB) : IDisposable
{
    /// <summary>Moves every tensor to the enclosing dispose scope (for results built inside a scope).</summary>
    public TwoBranchOutput MoveToOuterDisposeScope()
    {
        foreach (var t in Distinct()) t.MoveToOuterDisposeScope();
        return this;
    }

    public void Dispose()
    {
        foreach (var t in Distinct()) t.Dispose();
    }

    private IEnumerable<Tensor> Distinct() =>
        new[] { LogitsA, LogitsB, FeaturesA, FeaturesB, CkaA, CkaB }.Distinct(ReferenceEqualityComparer.Instance).Cast<Tensor>();
}
