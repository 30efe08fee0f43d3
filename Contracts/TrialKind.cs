namespace Sweep.Contracts;

/// <summary>What a trial runs: a built-in training method, a user's command, or a benchmark function.</summary>
[GenerateSerializer]
public enum TrialKind
{
    /// <summary><c>sweep train</c> with <c>method</c> = the target.</summary>
    Method = 0,

    /// <summary>The user's <c>trial.command</c>, through /bin/sh.</summary>
    Command = 1,

    /// <summary>A benchmark function along a synthetic learning curve, in process.</summary>
    Function = 2,
}
