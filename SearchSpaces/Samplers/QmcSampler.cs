using Sweep.SearchSpaces.Samplers.Qmc;

namespace Sweep.SearchSpaces.Samplers;

/// <summary>
/// Quasi-Monte-Carlo sampler: ask n takes point n of a (scrambled) Sobol or Halton sequence over one dimension
/// per parameter of the whole space, maps each coordinate through <see cref="UnitTransform"/> and keeps the
/// parameters that are active. A counter, not the history, numbers the points, so asks in flight get different
/// points and the sequence does not depend on tells.
/// </summary>
public sealed class QmcSampler : ISampler
{
    private readonly QmcOptions _options;
    private readonly int _seed;
    private IQmcSequence? _sequence;

    public QmcSampler(QmcOptions? options = null)
    {
        _options = options ?? new QmcOptions();
        _seed = _options.Seed ?? Random.Shared.Next();
    }

    public string Name => "qmc";

    public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial)
    {
        var space = history.Space;
        // The trial number, not a counter of asks: a resumed sweep continues the sequence instead of starting it over.
        var u = SequenceFor(Math.Max(1, space.Count)).Point(trial.Number);
        return space.Walk((p, _) => UnitTransform.FromUnit(p.Distribution, u[space.IndexOf(p.Name)]));
    }

    private IQmcSequence SequenceFor(int dimensions)
    {
        if (_sequence?.Dimensions == dimensions) return _sequence;
        int? scramble = _options.Scramble ? _seed : null;
        _sequence = _options.Sequence switch
        {
            QmcSequence.Sobol when dimensions > SobolSequence.MaxDimensions => throw new ArgumentException(
                $"sampler.sequence sobol supports at most {SobolSequence.MaxDimensions} parameters, but the space has {dimensions}; use halton."),
            QmcSequence.Sobol => new SobolSequence(dimensions, scramble),
            QmcSequence.Halton => new HaltonSequence(dimensions, scramble),
            _ => throw new ArgumentException($"unknown sampler.sequence {_options.Sequence}"),
        };
        return _sequence;
    }
}
