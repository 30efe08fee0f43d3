namespace Sweep.Orchestrator.Commands.Init;

/// <summary>
/// One searched run-config key of a method's template: its range as the spec's flow map, the papers' default
/// (what the enqueued first trial runs), and a comment saying what it is.
/// </summary>
/// <param name="Key">The run-config key (docs/methods.md §8).</param>
/// <param name="Range">The YAML flow map of the parameter, e.g. <c>{ type: float, low: 0.1, high: 1.0 }</c>.</param>
/// <param name="Default">The YAML text of the default value, inside the range.</param>
internal sealed record SearchKnob(string Key, string Range, string Default, string Comment);
