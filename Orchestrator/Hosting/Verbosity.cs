using Microsoft.Extensions.Logging;

namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// What the global <c>-q</c> / <c>-v</c> chose for this process, set once before a verb runs: the level of the
/// console logger of every host a verb starts, and whether notes and progress stay off stderr.
/// </summary>
public static class Verbosity
{
    /// <summary>Null: each host keeps its own default level.</summary>
    public static LogLevel? Level { get; set; }

    /// <summary><c>-q</c>: only errors on stderr.</summary>
    public static bool Quiet => Level is >= LogLevel.Error;

    public static LogLevel LogLevelOr(LogLevel fallback) => Level ?? fallback;
}
