using System.Collections.Immutable;

namespace Sweep.SearchSpaces.Specs.Nodes;

public sealed record SpecSequence(ImmutableArray<SpecNode> Items, int Line, int Column) : SpecNode(Line, Column)
{
    public override string Describe() => "a list";
}
