namespace Sweep.Grains.Model;

/// <summary>
/// Why a sweep drains or rests, typed (its <see cref="SweepInfo.Reason"/> says the same in words). A drain ends in
/// <see cref="SweepStatus.Failed"/> when its cause is <see cref="TooManyFailures"/>, else in <see cref="SweepStatus.Stopped"/>.
/// </summary>
[GenerateSerializer]
public enum SweepRestCause
{
    /// <summary>Running, or completed: nothing to explain.</summary>
    None = 0,

    /// <summary><c>sweep stop</c>.</summary>
    StoppedByUser = 1,

    /// <summary><c>budget.timeout</c> of active time reached.</summary>
    Timeout = 2,

    /// <summary>More than <c>budget.maxFailedTrials</c> trials failed.</summary>
    TooManyFailures = 3,

    /// <summary><c>sweep cancel</c>.</summary>
    CancelledByUser = 4,

    /// <summary><c>sweep pause</c>.</summary>
    PausedByUser = 5,

    /// <summary>The state could not be written for lack of disk space; <c>sweep resume</c> once space is freed.</summary>
    DiskFull = 6,
}
