namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>The <c>status</c> of a result line.</summary>
public enum ResultStatus
{
    /// <summary>Ran every epoch, or stopped at <c>maxSteps</c>.</summary>
    Complete,

    /// <summary>Stopped by an error (a NaN/inf loss, an exception); <c>error</c> says why.</summary>
    Failed,

    /// <summary>Stopped by SIGTERM/SIGINT after a last checkpoint; <c>--resume</c> continues it.</summary>
    Cancelled,
}
