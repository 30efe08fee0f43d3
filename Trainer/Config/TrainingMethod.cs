namespace Sweep.Trainer.Config;

/// <summary>The <c>method</c> key: which training recipe runs.</summary>
public enum TrainingMethod
{
    Dvs,
    Kt,
    Tmkt,
    Ckd,
    Ann,
}
