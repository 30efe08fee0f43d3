using System.CommandLine;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// The flags that choose how a followed sweep shows progress on stderr: a live view on a terminal, event lines in a
/// log, or nothing (<c>-q</c>).
/// </summary>
internal sealed class ProgressFlags
{
    private readonly Option<bool> _noLive = new("--no-live")
    {
        Description = "On a terminal too, write one line per trial event (as in a log) instead of the live view.",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "No progress on stderr while the sweep runs; the summary still goes to stdout.",
    };

    public void AddTo(Command command)
    {
        command.Add(_noLive);
        command.Add(_quiet);
    }

    public ProgressMode Read(ParseResult pr) =>
        pr.GetValue(_quiet) ? ProgressMode.Quiet : pr.GetValue(_noLive) || !IsTerminal() ? ProgressMode.Log : ProgressMode.Live;

    /// <summary>Stderr is a terminal that can redraw: not redirected, and TERM names a terminal (not unset, not <c>dumb</c>).</summary>
    private static bool IsTerminal() =>
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";
}
