namespace Sweep.Trainer.Training;

/// <summary>
/// A training recipe (dvs, kt, tmkt, ckd, ann): the seam the training loop fills. <see cref="Train"/> runs on the
/// calling thread (TorchSharp dispose scopes are thread-static) and uses the session for everything around the
/// math: <see cref="TrainingSession.Resume"/> to continue, <see cref="TrainingSession.CheckLoss"/> each step,
/// <see cref="TrainingSession.StepDone"/> after each optimizer step (stop when it returns true),
/// <see cref="TrainingSession.EndEpoch"/> after each validation (progress line + checkpoint). It returns what the
/// result line needs beyond the best epoch, which the session tracks. The session writes the result line; a method
/// never does. Throwing is fine: the runner turns it into <c>status: failed</c>.
/// </summary>
public interface ITrainingMethod
{
    TrainingOutcome Train(TrainingSession session);
}
