using System.CommandLine;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// The flags that choose how a followed sweep shows progress on stderr: a live view on a terminal, event lines in a
/// log, or nothing (the global <c>-q</c>).
/// </summary>
internal sealed class ProgressFlags
{
    private readonly Option<bool> _noLive = new("--no-live")
    {
        Description = "On a terminal too, write one line per trial event (as in a log) instead of the live view.",
    };

    public void AddTo(Command command) => command.Add(_noLive);

    public ProgressMode Read(ParseResult pr) =>
        Hosting.Verbosity.Quiet ? ProgressMode.Quiet : pr.GetValue(_noLive) || !IsTerminal() ? ProgressMode.Log : ProgressMode.Live;

    /// <summary>Stderr is a terminal that can redraw: not redirected, and TERM names a terminal (not unset, not <c>dumb</c>).</summary>
    private static bool IsTerminal() =>
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";
}
