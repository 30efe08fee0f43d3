namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>One finished branin sweep (id <c>b</c>, 8 trials, some pruned) that a test class reads but never changes.</summary>
public sealed class FinishedBraninSweep() : FinishedSweep(Id, Spec())
{
    public const string Id = "b";

    /// <summary>The sweep's spec; a test may ask for fewer trials to run one like it quickly.</summary>
    public static string Spec(int maxTrials = 8) =>
        TestSpecs.BraninFunction("branin", maxTrials, sampler: TestSpecs.Random(11), pruner: TestSpecs.Median(2), steps: 6);
}
