namespace Sweep.Contracts;

/// <summary>
/// The exit codes of every <c>sweep</c> verb, <c>sweep train</c> included (so the engine reads a trainer's exit the
/// way the trainer meant it), and of the programs docs/protocol.md describes.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done: a complete run or sweep, a dry run, a verb that did its job.</summary>
    public const int Ok = 0;

    /// <summary>A failure at run time: a failed run (its result line says why), a failed sweep, an unreadable store.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage, config or spec, or a refused resume; nothing ran.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by SIGINT (128+2), resumable.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128+15), resumable.</summary>
    public const int Terminated = 143;
}
