using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces;

namespace Sweep.Orchestrator.Tests.AskTell;

/// <summary>Prunes a trial whose last reported value is above the threshold; predictable for protocol tests.</summary>
internal sealed class ThresholdTestPruner(double threshold) : IPruner
{
    public string Name => "threshold";

    public PruneDecision Decide(ITrialHistory history, TrialRecord trial) =>
        trial.LastIntermediateValue > threshold ? PruneDecision.Prune : PruneDecision.Continue;
}
