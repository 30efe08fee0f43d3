using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>Builds sweep books over a function spec with a controllable clock.</summary>
internal sealed class BookFixture
{
    public DateTime Now { get; set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Spec(int maxTrials = 6, int parallel = 2, string extraBudget = "", string pruner = "none") => $"""
        apiVersion: sweep/v1
        name: book
        metric: {"{"} name: value, goal: minimize {"}"}
        sampler: {"{"} type: random, seed: 3 {"}"}
        pruner: {"{"} type: {pruner} {"}"}
        budget: {"{"} maxTrials: {maxTrials}, parallelTrials: {parallel}{extraBudget} {"}"}
        parameters:
          x1: {"{"} type: float, low: -5, high: 10 {"}"}
          x2: {"{"} type: float, low: 0, high: 15 {"}"}
        trial:
          function: branin
        """;

    public SweepBook New(string spec) => Load(spec, null, []);

    public SweepBook Load(string spec, SweepInfo? info, IEnumerable<TrialInfo> trials)
    {
        var plan = SweepPlan.Parse(spec, "book.yaml");
        return new SweepBook(plan, info ?? SweepBook.NewInfo("s1", plan, "book.yaml", Now), trials, () => Now);
    }

    public static RunnerSlot Slot(string runner = "r1") => new(runner, "node", "cpu");

    public static TrialOutcome Complete(double v) => new() { State = TrialState.Complete, Value = v };
}
