using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers.Numpy;

namespace Sweep.SearchSpaces.Samplers;

/// <summary>
/// Independent uniform sampling with Optuna 3.1's stream: one <c>RandomState(seed)</c>, and per parameter in
/// walk order one <c>uniform</c> over <c>_SearchSpaceTransform</c>'s bounds (ln space for log, ±step/2 for
/// int/step) mapped back by rounding and clipping; a categorical takes the argmax of one uniform per choice.
/// </summary>
public sealed class RandomSampler : ISampler
{
    private readonly NumpyRandomState _rng;

    public RandomSampler(int? seed = null) => _rng = new NumpyRandomState(seed is { } s ? s : NumpyRandomState.EntropySeed());

    public byte[] SaveState() => _rng.SaveState();

    public void RestoreState(ReadOnlySpan<byte> state) => _rng.RestoreState(state);

    public string Name => "random";

    public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial) =>
        history.Space.Walk((p, _) => SampleOne(p.Distribution));

    /// <summary>One parameter, as Optuna's <c>RandomSampler.sample_independent</c>; single-valued domains draw nothing.</summary>
    public double SampleOne(Distribution distribution)
    {
        if (distribution.IsSingle) return SingleValue(distribution);
        switch (distribution)
        {
            case CategoricalDistribution c:
                {
                    var best = 0;
                    var bestValue = double.NegativeInfinity;
                    for (var i = 0; i < c.Choices.Length; i++)
                    {
                        var u = _rng.Uniform(0, 1);
                        if (u > bestValue) { bestValue = u; best = i; }
                    }
                    return best;
                }
            case FloatDistribution { Log: true } f:
                // Optuna caps at the double below high; the floor at low only guards exp(ln low) rounding under it.
                return Math.Max(Math.Min(Math.Exp(_rng.Uniform(Math.Log(f.Low), Math.Log(f.High))), Math.BitDecrement(f.High)), f.Low);
            case FloatDistribution { Step: { } step } f:
                {
                    var t = _rng.Uniform(f.Low - 0.5 * step, f.High + 0.5 * step);
                    return Math.Min(Math.Max(Math.Round((t - f.Low) / step) * step + f.Low, f.Low), f.High);
                }
            case FloatDistribution f:
                return Math.Min(_rng.Uniform(f.Low, f.High), Math.BitDecrement(f.High));
            case IntDistribution { Log: true } i:
                return Math.Min(Math.Max(Math.Round(Math.Exp(_rng.Uniform(Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5)))), i.Low), i.High);
            case IntDistribution i:
                {
                    var t = _rng.Uniform(i.Low - 0.5 * i.Step, i.High + 0.5 * i.Step);
                    return Math.Min(Math.Max(Math.Round((t - i.Low) / i.Step) * i.Step + i.Low, i.Low), i.High);
                }
            default:
                throw new ArgumentException($"unsupported distribution {distribution.GetType().Name}");
        }
    }

    internal static double SingleValue(Distribution distribution) => distribution switch
    {
        FloatDistribution f => f.Low,
        IntDistribution i => i.Low,
        _ => 0,
    };
}
