namespace Sweep.Trainer.Training;

/// <summary>Exit codes of <c>sweep train</c> (README, "Trial protocol").</summary>
public static class ExitCodes
{
    /// <summary>Complete (all epochs, or <c>maxSteps</c>), or a dry run.</summary>
    public const int Ok = 0;

    /// <summary>The run failed (a NaN/inf loss, an exception); the result line says why.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or config, or a refused resume; nothing ran, no result line.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled by SIGINT after a last checkpoint (128+2).</summary>
    public const int Interrupted = 130;

    /// <summary>Cancelled by SIGTERM after a last checkpoint (128+15).</summary>
    public const int Terminated = 143;
}
