using Microsoft.Extensions.Logging;

namespace Sweep.Orchestrator.Execution;

/// <summary>Log messages of trial execution.</summary>
internal static partial class TrialExecutionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Trial process {ProcessId} started ({Program}) in {LatencyMs:F1} ms")]
    public static partial void Started(ILogger logger, int processId, string program, double latencyMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Trial process {ProcessId} exited with code {ExitCode} after {DurationS:F1} s (killed: {Killed})")]
    public static partial void Exited(ILogger logger, int processId, int exitCode, double durationS, bool killed);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Stopping trial process {ProcessId}: {Reason}")]
    public static partial void Stopping(ILogger logger, int processId, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Trial process {ProcessId} broke the protocol: {Error}")]
    public static partial void ProtocolError(ILogger logger, int processId, string error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Ended {Count} process(es) an earlier attempt left running in {TrialDirectory}")]
    public static partial void LeftoversEnded(ILogger logger, int count, string trialDirectory);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Output of trial process {ProcessId} still open {TimeoutS:F0} s after exit; a process outside its group holds it")]
    public static partial void DrainTimedOut(ILogger logger, int processId, double timeoutS);
}
