using System.Runtime.InteropServices;

namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// Stops a verb on SIGTERM or SIGINT and remembers which, so every verb ends with the conventional code (128 + the
/// signal: 143 for SIGTERM, 130 for SIGINT) whatever kind of sweep it ran. The first signal cancels <see cref="Token"/>
/// (a sweep then stops its trials and stays resumable); a second one is left to its default action, which ends the
/// process at once.
/// </summary>
public static class Termination
{
    private static readonly CancellationTokenSource Stop = new();
    private static int _code = ExitCodes.Interrupted;
    private static PosixSignalRegistration? _term;
    private static PosixSignalRegistration? _interrupt;

    /// <summary>Cancelled by the first SIGTERM or SIGINT.</summary>
    public static CancellationToken Token => Stop.Token;

    /// <summary>The exit code of a verb stopped by a signal: 143 after SIGTERM, else 130.</summary>
    public static int ExitCode => _code;

    public static void Watch()
    {
        _term ??= PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _interrupt ??= PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    private static void OnSignal(PosixSignalContext context)
    {
        if (Stop.IsCancellationRequested) return;
        context.Cancel = true;
        _code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        Stop.Cancel();
    }
}
