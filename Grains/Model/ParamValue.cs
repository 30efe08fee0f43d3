namespace Sweep.Grains.Model;

/// <summary>One parameter of a trial: its name and its value as a JSON literal.</summary>
[GenerateSerializer, Immutable]
public sealed record ParamValue([property: Id(0)] string Name, [property: Id(1)] string Json);
