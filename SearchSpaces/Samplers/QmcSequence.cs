namespace Sweep.SearchSpaces.Samplers;

/// <summary>Which low-discrepancy sequence a QMC sampler follows.</summary>
public enum QmcSequence
{
    Sobol,
    Halton,
}
