namespace Sweep.Grains.Storage;

/// <summary>
/// A condition on another row for a write to count: that row (state name, grain id) is still at <see cref="Etag"/>.
/// A trial row is written under its sweep row's etag: an activation of the sweep that another has overtaken (its
/// silo was frozen or cut off, and the sweep went on elsewhere) cannot overwrite trials through a current trial
/// activation, whose own etag says nothing about who decided the write.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StateFence(
    [property: Id(0)] string StateName,
    [property: Id(1)] string GrainId,
    [property: Id(2)] long Etag);
