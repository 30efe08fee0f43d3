using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>Uniform random sampling from a seed (log-uniform for log distributions); a real sampler for pruner tests.</summary>
internal sealed class RandomSampler(int seed) : ISampler
{
    private readonly Random _random = new(seed);

    public string Name => "random";

    /// <summary>The bracket of each trial as the sampler saw it when sampling (Hyperband sets it before).</summary>
    public List<int?> SeenBrackets { get; } = [];

    public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial)
    {
        SeenBrackets.Add(trial.Bracket);
        return history.Space.Walk((p, _) => p.Distribution switch
        {
            FloatDistribution { Log: true } f => Math.Exp(Uniform(Math.Log(f.Low), Math.Log(f.High))),
            FloatDistribution f => Uniform(f.Low, f.High),
            IntDistribution i => i.Low + i.Step * _random.NextInt64((i.High - i.Low) / i.Step + 1),
            CategoricalDistribution c => _random.Next(c.Choices.Length),
            var d => throw new ArgumentException($"unsupported distribution {d}", nameof(history)),
        });
    }

    private double Uniform(double low, double high) => low + (high - low) * _random.NextDouble();
}
