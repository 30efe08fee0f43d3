namespace Sweep.Contracts.Config;

/// <summary>
/// The <c>method</c> key: which training recipe runs. The one list of method names: the key's choices, a spec's
/// <c>trial.method</c> and the trainer's catalogue all come from it (<see cref="ConfigKeys.Methods"/>, lower case).
/// </summary>
public enum TrainingMethod
{
    /// <summary>Events only.</summary>
    Dvs,

    /// <summary>Knowledge transfer from paired RGB (sliding replacement, CKA alignment).</summary>
    Kt,

    /// <summary>KT plus time-step mixup with modality-aware auxiliary losses.</summary>
    Tmkt,

    /// <summary>KT plus distillation from a frozen ANN teacher.</summary>
    Ckd,

    /// <summary>An ANN on the RGB images: the teacher CKD distils from.</summary>
    Ann,
}
