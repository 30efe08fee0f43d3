using System.Text;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Execution;

/// <summary>What to run for one trial.</summary>
/// <param name="FileName">A program on PATH (the launch's PATH if it sets one) or a path to an executable.</param>
/// <param name="Environment">Added to the parent's environment; wins over inherited values.</param>
/// <param name="LogDirectory">Receives <c>stdout.log</c> and <c>stderr.log</c>; created if missing.</param>
/// <param name="StopGrace">SIGTERM-to-SIGKILL grace when the trial is stopped; zero sends SIGKILL at once.</param>
public sealed record TrialLaunch(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string LogDirectory,
    TimeSpan StopGrace = default)
{
    /// <summary>
    /// Runs a user's <c>trial.command</c> through <c>/bin/sh -c "exec …"</c>, so the command replaces the shell
    /// and itself carries the parent-death signal. <paramref name="extraArgs"/> are appended shell-quoted.
    /// </summary>
    public static TrialLaunch ForShellCommand(
        string command,
        IReadOnlyList<string> extraArgs,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string logDirectory,
        TimeSpan stopGrace = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var script = new StringBuilder("exec ").Append(command);
        foreach (var arg in extraArgs)
            script.Append(' ').Append(CommandTemplate.Quote(arg));
        return new TrialLaunch("/bin/sh", ["-c", script.ToString()], environment, workingDirectory, logDirectory, stopGrace);
    }
}
