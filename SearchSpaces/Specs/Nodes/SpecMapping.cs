using System.Collections.Immutable;

namespace Sweep.SearchSpaces.Specs.Nodes;

/// <summary>A YAML map in file order. Duplicate keys are kept so the reader can report them with both positions.</summary>
public sealed record SpecMapping(ImmutableArray<SpecEntry> Entries, int Line, int Column) : SpecNode(Line, Column)
{
    public override string Describe() => "a map";
}
