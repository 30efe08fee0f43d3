namespace Sweep.Orchestrator.Execution;

/// <summary>Settings of a <see cref="TrialProcessLauncher"/> and the processes it starts.</summary>
public sealed record TrialLauncherOptions
{
    /// <summary>Where to look for <c>setsid</c> and <c>setpriv</c> (a PATH-style list). Default: the PATH of this process.</summary>
    public string? ToolSearchPath { get; init; }

    /// <summary>How many stderr lines <see cref="TrialExit.StderrTail"/> keeps. Default: 20.</summary>
    public int StderrTailLines { get; init; } = 20;

    /// <summary>How long to wait for stdout/stderr to close after the process exited. Default: 5 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The program and leading arguments that run <c>sweep</c>: when set, every trial runs under
    /// <c>sweep supervise</c> (<see cref="TrialSupervisor"/>), which owns its whole process tree. Default: none (the
    /// program is the process group's leader itself).
    /// </summary>
    public IReadOnlyList<string>? Supervisor { get; init; }

    /// <summary>How long after the supervisor's own grace the engine's SIGKILL follows, should the supervisor hang. Default: 5 s.</summary>
    public TimeSpan SupervisorMargin { get; init; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (StderrTailLines < 0)
            throw new ArgumentOutOfRangeException(nameof(StderrTailLines), StderrTailLines, "TrialLauncherOptions.StderrTailLines must be >= 0.");
        if (DrainTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(DrainTimeout), DrainTimeout, "TrialLauncherOptions.DrainTimeout must be greater than zero.");
    }
}
