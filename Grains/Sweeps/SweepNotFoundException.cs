namespace Sweep.Grains.Sweeps;

/// <summary>A call for a sweep id that was never created.</summary>
[GenerateSerializer]
public sealed class SweepNotFoundException(string sweepId) : Exception($"no sweep with id '{sweepId}'")
{
    [Id(0)] public string SweepId { get; } = sweepId;
}
