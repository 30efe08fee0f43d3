namespace Sweep.SearchSpaces.Pruners;

/// <summary>Never prunes (spec <c>pruner: { type: none }</c>).</summary>
public sealed class NopPruner : IPruner
{
    public string Name => "none";

    public PruneDecision Decide(ITrialHistory history, TrialRecord trial) => PruneDecision.Continue;
}
