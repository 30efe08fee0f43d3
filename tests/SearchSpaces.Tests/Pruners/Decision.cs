namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>One decision of a pruner, as a test log entry.</summary>
internal readonly record struct Decision(int Trial, int Step, PruneDecision Outcome);
