namespace Sweep.Contracts;

/// <summary>
/// The one lifecycle of a trial, used everywhere: the study, the trial records, a runner's report of how an attempt
/// ended, and the <c>status</c> of a protocol result line. The first five ordinals are Optuna's <c>TrialState</c>
/// (RUNNING 0 … WAITING 4), so exports map one to one; persisted records store the names.
/// </summary>
[GenerateSerializer]
public enum TrialState
{
    /// <summary>An attempt runs (or, for a study, the trial was asked and not told yet).</summary>
    Running = 0,

    /// <summary>Finished with a value.</summary>
    Complete = 1,

    /// <summary>Stopped early by the pruner.</summary>
    Pruned = 2,

    /// <summary>Finished without a value; the trial's error says why.</summary>
    Failed = 3,

    /// <summary>Paused by a pruner (ASHA) until it is promoted; Optuna's WAITING.</summary>
    Waiting = 4,

    /// <summary>Asked and waiting for a slot: new, retried, or put back by a pause or a lost runner.</summary>
    Pending = 5,

    /// <summary>
    /// An attempt stopped on request (SIGTERM: pause, cancel, shutdown); the protocol's <c>cancelled</c> status. Never a
    /// trial's resting state: a paused trial goes back to <see cref="Pending"/>, a cancelled sweep fails its trials.
    /// </summary>
    Cancelled = 6,
}
