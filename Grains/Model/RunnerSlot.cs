namespace Sweep.Grains.Model;

/// <summary>Who asks for work: a runner (one per silo process), its node name and the device of the free slot.</summary>
[GenerateSerializer, Immutable]
public sealed record RunnerSlot([property: Id(0)] string Runner, [property: Id(1)] string Node, [property: Id(2)] string Device);
