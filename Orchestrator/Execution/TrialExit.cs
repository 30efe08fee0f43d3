using Sweep.Contracts.TrialProtocol;

namespace Sweep.Orchestrator.Execution;

/// <summary>How a trial process ended.</summary>
/// <param name="ExitCode">The exit status; null when we killed the process.</param>
/// <param name="Killed">True when the process was killed by us (callback, protocol error, cancellation, <see cref="TrialProcess.Kill"/>).</param>
/// <param name="Result">The result line, if the program printed one.</param>
/// <param name="ProtocolError">The first bad stdout line's message; the process was killed for it.</param>
/// <param name="StderrTail">The last stderr lines, oldest first: the usual failure reason.</param>
/// <param name="Duration">From process start to exit.</param>
public sealed record TrialExit(
    int? ExitCode,
    bool Killed,
    ResultRecord? Result,
    string? ProtocolError,
    IReadOnlyList<string> StderrTail,
    TimeSpan Duration);
