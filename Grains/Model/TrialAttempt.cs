namespace Sweep.Grains.Model;

/// <summary>One running attempt of a trial, as a runner lists it in its heartbeat.</summary>
[GenerateSerializer, Immutable]
public sealed record TrialAttempt([property: Id(0)] int Number, [property: Id(1)] int Attempt);
