using System.Collections.Immutable;
using Sweep.Grains.Model;

namespace Sweep.Grains.Sweeps;

/// <summary>
/// One sweep: the spec, the sampler and pruner, budget accounting, trial bookkeeping and ranking. Runners pull
/// work with <see cref="NextAsync"/> and report back; no call waits for a training run.
/// </summary>
[Alias("sweep.ISweepGrain")]
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>Creates the sweep from a validated spec text; fails if the id is taken or the spec is invalid.</summary>
    [Alias("Create")] Task<SweepInfo> CreateAsync(string specText, string specFile);

    /// <summary>The sweep, or null when no sweep has this id.</summary>
    [Alias("Get")] Task<SweepInfo?> GetAsync();

    /// <summary>Every trial asked so far, by number.</summary>
    [Alias("Trials")] Task<ImmutableArray<TrialInfo>> TrialsAsync();

    /// <summary>An attempt for <paramref name="slot"/> to run now, or null when the sweep has nothing to start.</summary>
    [Alias("Next")] Task<TrialAssignment?> NextAsync(RunnerSlot slot);

    /// <summary>An intermediate metric value; the answer says whether the attempt goes on.</summary>
    [Alias("Report")] Task<ReportDecision> ReportAsync(int number, int attempt, int step, double value);

    /// <summary>The end of an attempt. Reports for stale attempts are ignored.</summary>
    [Alias("Finish")] Task FinishAsync(int number, int attempt, TrialOutcome outcome);

    /// <summary>An attempt given back unfinished (its silo drains): the trial goes back to the queue, no retry used.</summary>
    [Alias("Release")] Task ReleaseAsync(int number, int attempt, string reason);

    /// <summary>Keeps the leases of a runner's attempts; returns the attempts the runner must kill.</summary>
    [Alias("Heartbeat")] Task<ImmutableArray<TrialAttempt>> HeartbeatAsync(string runner, ImmutableArray<TrialAttempt> running);

    /// <summary>Drain: no new trials; running ones finish.</summary>
    [Alias("Stop")] Task<SweepInfo> StopAsync();

    /// <summary>Kill running trials (they fail as cancelled) and rest.</summary>
    [Alias("Cancel")] Task<SweepInfo> CancelAsync();

    /// <summary>Kill running trials and put them back to pending; nothing runs until <see cref="ResumeAsync"/>.</summary>
    [Alias("Pause")] Task<SweepInfo> PauseAsync();

    /// <summary>Continue a paused, stopped, cancelled or failed sweep, or one whose process died.</summary>
    [Alias("Resume")] Task<SweepInfo> ResumeAsync();
}
