namespace Sweep.SearchSpaces.Specs.Nodes;

/// <summary>A YAML node with the 1-based position where it starts; errors point there.</summary>
public abstract record SpecNode(int Line, int Column)
{
    /// <summary>How the node shows in an error message: a scalar's value, else "a list" or "a map".</summary>
    public abstract string Describe();
}
