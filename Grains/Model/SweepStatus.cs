namespace Sweep.Grains.Model;

/// <summary>Lifecycle of a sweep. Running and Draining hand out work; the others are resting states.</summary>
[GenerateSerializer]
public enum SweepStatus
{
    /// <summary>Trials are started until <c>budget.maxTrials</c> have finished.</summary>
    Running = 0,
    /// <summary><c>sweep stop</c> (or a budget limit): no new trials; running ones finish, then Stopped.</summary>
    Draining = 1,
    /// <summary>No trials run; running ones were put back to Pending. <c>sweep resume</c> continues.</summary>
    Paused = 2,
    /// <summary>Every trial of the budget finished.</summary>
    Completed = 3,
    /// <summary>Drained before the budget was spent (stop, timeout); resumable.</summary>
    Stopped = 4,
    /// <summary><c>sweep cancel</c>: running trials were killed and failed; resumable.</summary>
    Cancelled = 5,
    /// <summary>More than <c>budget.maxFailedTrials</c> trials failed; resumable after fixing the cause.</summary>
    Failed = 6,
}
