namespace Sweep.SearchSpaces.Samplers.Qmc;

/// <summary>A low-discrepancy sequence over the unit cube, addressed by point index.</summary>
public interface IQmcSequence
{
    int Dimensions { get; }

    /// <summary>Point <paramref name="index"/>, each coordinate in [0, 1).</summary>
    double[] Point(long index);
}
