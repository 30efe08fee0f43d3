namespace Sweep.Trainer.Losses;

/// <summary>MAG head form (methods.md §3.3, inferred): two logits with CE, or one logit with BCE.</summary>
public enum MagLossKind
{
    CrossEntropy,
    Binary,
}
