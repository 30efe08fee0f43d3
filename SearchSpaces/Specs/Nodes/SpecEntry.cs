namespace Sweep.SearchSpaces.Specs.Nodes;

/// <summary>One key: value pair of a map; keys are always scalars (the builder rejects others).</summary>
public sealed record SpecEntry(SpecScalar Key, SpecNode Value);
