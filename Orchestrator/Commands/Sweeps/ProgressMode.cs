namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>How a followed sweep shows its progress on stderr.</summary>
internal enum ProgressMode
{
    /// <summary>A live view redrawn in place (a terminal).</summary>
    Live,

    /// <summary>One line per trial event and a summary line at most every 30 s (a log, a pipe, <c>--no-live</c>).</summary>
    Log,

    /// <summary>Nothing while the sweep runs (<c>-q</c>); the summary on stdout still.</summary>
    Quiet,
}
