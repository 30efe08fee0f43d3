namespace Sweep.Grains.Model;

/// <summary>What an assignment runs (SearchSpaces' TrialKind, persisted on the wire with a codec).</summary>
[GenerateSerializer]
public enum TrialTarget
{
    /// <summary><c>sweep train</c> with <c>method</c> = the target.</summary>
    Method = 0,
    /// <summary>The user's <c>trial.command</c>, through /bin/sh.</summary>
    Command = 1,
    /// <summary>A benchmark function with a synthetic learning curve, in process.</summary>
    Function = 2,
}
