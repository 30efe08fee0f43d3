using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces;

namespace Sweep.Orchestrator.Tests.AskTell;

/// <summary>
/// A predictable sampler for protocol tests: trial n (shifted by the seed) takes every parameter's low end,
/// high end or middle in turn, and choice n mod k, so expected responses can be written out by hand.
/// </summary>
internal sealed class CornerTestSampler(int? seed) : ISampler
{
    public string Name => "corner";

    public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial)
    {
        var n = trial.Number + (seed ?? 0);
        var corner = ((n % 3) + 3) % 3;
        return history.Space.Walk((p, _) => p.Distribution switch
        {
            FloatDistribution f => corner switch { 0 => f.Low, 1 => f.High, _ => Middle(f) },
            IntDistribution i => corner switch { 0 => i.Low, 1 => i.High, _ => i.Low + (i.High - i.Low) / i.Step / 2 * i.Step },
            CategoricalDistribution c => ((n % c.Choices.Length) + c.Choices.Length) % c.Choices.Length,
            _ => throw new ArgumentException($"unexpected distribution {p.Distribution}"),
        });
    }

    private static double Middle(FloatDistribution f) =>
        f.Log ? Math.Sqrt(f.Low * f.High)
        : f.Step is { } s ? f.Low + Math.Floor((f.High - f.Low) / s / 2) * s
        : (f.Low + f.High) / 2;
}
