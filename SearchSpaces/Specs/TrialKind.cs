namespace Sweep.SearchSpaces.Specs;

/// <summary>What a trial runs: a built-in training method, a user's command, or a benchmark function.</summary>
public enum TrialKind
{
    Method,
    Command,
    Function,
}
