namespace Sweep.SearchSpaces.Samplers;

/// <summary>Options of the quasi-Monte-Carlo sampler (spec: <c>sampler: { type: qmc, ... }</c>).</summary>
public sealed record QmcOptions
{
    /// <summary>Seed of the scrambling. Default: null (drawn).</summary>
    public int? Seed { get; init; }

    /// <summary>The low-discrepancy sequence. Default: Sobol.</summary>
    public QmcSequence Sequence { get; init; } = QmcSequence.Sobol;

    /// <summary>Randomise the sequence (Owen-type scrambling for Sobol, random-permutation for Halton). Default: true.</summary>
    public bool Scramble { get; init; } = true;
}
