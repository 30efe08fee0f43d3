namespace Sweep.Contracts;

/// <summary>
/// What a pruner counts (<c>pruner.resource</c>): the progress line field handed to it as the step, and the unit of
/// <c>minResource</c>, <c>maxResource</c>, <c>warmupSteps</c> and <c>interval</c>.
/// </summary>
[GenerateSerializer]
public enum ResourceUnit
{
    /// <summary>The <c>step</c> field (optimizer steps, or whatever the program counts); default for commands and functions.</summary>
    Step = 0,

    /// <summary>The <c>epoch</c> field (1-based epochs); default for <c>trial.method</c>.</summary>
    Epoch = 1,
}
