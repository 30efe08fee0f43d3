namespace Sweep.Trainer.Losses;

/// <summary>MRP loss (methods.md §3.3, inferred): MSE of σ(head) against K/T, or BCE with the soft target.</summary>
public enum MrpLossKind
{
    Mse,
    SoftBinary,
}
