using Sweep.SearchSpaces.Distributions;

namespace Sweep.SearchSpaces.Spaces;

/// <summary>One named parameter of a search space, optionally active only under a condition.</summary>
public sealed record Parameter(string Name, Distribution Distribution, ParameterCondition? When = null)
{
    public bool IsConditional => When is not null;
}
