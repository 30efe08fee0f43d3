namespace Sweep.Orchestrator.Execution;

/// <summary>
/// Wraps a trial as <c>setsid setpriv --pdeathsig KILL -- program args</c>: setsid gives it its own process group
/// (pgid = pid, killed as a whole); setpriv makes the kernel SIGKILL it when the forking thread dies.
/// </summary>
internal sealed class TrialCommandLine
{
    /// <summary>Where the resolved program sits in the command line.</summary>
    public const int ProgramIndex = 5;

    private readonly string _setsid;
    private readonly string _setpriv;

    /// <exception cref="TrialStartException">setsid or setpriv is missing.</exception>
    public TrialCommandLine(string? toolSearchPath)
    {
        _setsid = FindTool("setsid", toolSearchPath);
        _setpriv = FindTool("setpriv", toolSearchPath);
    }

    /// <exception cref="TrialStartException">The program is missing or not executable.</exception>
    public IReadOnlyList<string> For(TrialLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        // Resolved here because setpriv would only report a missing program on the trial's stderr.
        var path = launch.Environment.TryGetValue("PATH", out var p) ? p : null;
        var program = ExecutableLookup.Find(launch.FileName, path)
            ?? throw new TrialStartException($"Cannot start trial: program '{launch.FileName}' was not found or is not executable.");
        return [_setsid, _setpriv, "--pdeathsig", "KILL", "--", program, .. launch.Arguments];
    }

    private static string FindTool(string name, string? searchPath) =>
        ExecutableLookup.Find(name, searchPath)
        ?? throw new TrialStartException($"'{name}' was not found on PATH; trials need it (install util-linux).");
}
