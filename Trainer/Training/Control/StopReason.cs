namespace Sweep.Trainer.Training.Control;

/// <summary>Why a run stops before its last epoch.</summary>
public enum StopReason
{
    None,

    /// <summary>SIGTERM (a sweep engine pruning or cancelling the trial).</summary>
    Terminated,

    /// <summary>SIGINT (Ctrl+C).</summary>
    Interrupted,

    /// <summary><c>maxSteps</c> optimizer steps done: a complete run.</summary>
    MaxSteps,
}
