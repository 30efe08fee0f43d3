namespace Sweep.Orchestrator.Execution;

/// <summary>
/// Wraps a trial as <c>setsid setpriv --pdeathsig KILL -- program args</c>: setsid gives it its own process group
/// (pgid = pid, killed as a whole); setpriv makes the kernel SIGKILL it when the forking thread dies. With a
/// supervisor: <c>setsid setpriv --pdeathsig TERM -- sweep supervise --grace-ms N -- program args</c>, where the
/// supervisor catches that SIGTERM and ends the trial's whole tree before it goes.
/// </summary>
internal sealed class TrialCommandLine
{
    private readonly string _setsid;
    private readonly string _setpriv;
    private readonly IReadOnlyList<string>? _supervisor;

    /// <exception cref="TrialStartException">setsid or setpriv is missing.</exception>
    public TrialCommandLine(string? toolSearchPath, IReadOnlyList<string>? supervisor = null)
    {
        _setsid = FindTool("setsid", toolSearchPath);
        _setpriv = FindTool("setpriv", toolSearchPath);
        _supervisor = supervisor;
    }

    /// <exception cref="TrialStartException">The program is missing or not executable.</exception>
    public IReadOnlyList<string> For(TrialLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        // Resolved here because setpriv would only report a missing program on the trial's stderr.
        var path = launch.Environment.TryGetValue("PATH", out var p) ? p : null;
        var program = ExecutableLookup.Find(launch.FileName, path)
            ?? throw new TrialStartException($"Cannot start trial: program '{launch.FileName}' was not found or is not executable.");
        if (_supervisor is null) return [_setsid, _setpriv, "--pdeathsig", "KILL", "--", program, .. launch.Arguments];
        var grace = ((long)launch.StopGrace.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [_setsid, _setpriv, "--pdeathsig", "TERM", "--", .. _supervisor, TrialSupervisor.Verb, "--grace-ms", grace, "--", program, .. launch.Arguments];
    }

    private static string FindTool(string name, string? searchPath) =>
        ExecutableLookup.Find(name, searchPath)
        ?? throw new TrialStartException($"'{name}' was not found on PATH; trials need it (install util-linux).");
}
