namespace Sweep.Trainer.Models;

/// <summary>Which classifier a branch goes through: KT's <c>rgb_fc</c> (A) or <c>dvs_fc</c> (B).
/// SCNN has one shared head and ignores this.</summary>
public enum BranchHead
{
    A,
    B,
}
