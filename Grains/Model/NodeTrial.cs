namespace Sweep.Grains.Model;

/// <summary>One attempt a node is running, on which device.</summary>
[GenerateSerializer, Immutable]
public sealed record NodeTrial([property: Id(0)] string SweepId, [property: Id(1)] int Number, [property: Id(2)] int Attempt, [property: Id(3)] string Device);
