namespace Sweep.Grains.Tests.Sweeps;

/// <summary>
/// A sweep rebuilt from storage (resume after kill -9) continues its sampler instead of restarting it from the seed:
/// it proposes exactly what the uninterrupted sweep would, and never an earlier trial's parameters again.
/// </summary>
public sealed class ResumeStreamTests
{
    private readonly BookFixture _fx = new();

    private static string Spec(string sampler) => $$"""
        apiVersion: sweep/v1
        name: stream
        metric: { name: value, goal: minimize }
        sampler: {{sampler}}
        budget: { maxTrials: 12, parallelTrials: 1 }
        parameters:
          x1: { type: float, low: -5, high: 10 }
          x2: { type: float, low: 0, high: 15 }
          units: { type: int, low: 8, high: 256, log: true }
          opt: { type: categorical, choices: [sgd, adam, rmsprop] }
        trial: { function: branin }
        """;

    [Theory]
    [InlineData("{ type: random, seed: 5 }")]
    [InlineData("{ type: tpe, seed: 5, startupTrials: 4 }")]
    [InlineData("{ type: qmc, seed: 5 }")]
    [InlineData("{ type: grid, seed: 5, shuffle: true }")]
    public void A_book_rebuilt_mid_sweep_proposes_what_the_uninterrupted_one_does(string sampler)
    {
        var spec = Spec(sampler);
        var uninterrupted = _fx.New(spec);
        var all = Enumerable.Range(0, 12).Select(_ => RunOne(uninterrupted)).ToList();

        var first = _fx.New(spec);
        foreach (var _ in Enumerable.Range(0, 5)) RunOne(first);
        var resumed = _fx.Load(spec, first.Snapshot(), first.Trials);   // what storage holds after a kill -9
        var rest = Enumerable.Range(0, 7).Select(_ => RunOne(resumed)).ToList();

        Assert.Equal(all[5..], rest);
        Assert.Equal(12, all.Distinct().Count());
    }

    private static string RunOne(Sweep.Grains.Sweeps.SweepBook book)
    {
        var (assignment, trial) = book.Next(BookFixture.Slot())!.Value;
        book.Finish(trial.Number, assignment.Attempt, BookFixture.Complete(trial.Number % 5 + 0.5 * trial.Number));
        return assignment.ParamsJson;
    }
}
