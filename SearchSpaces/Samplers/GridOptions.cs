namespace Sweep.SearchSpaces.Samplers;

/// <summary>Options of the grid sampler (spec: <c>sampler: { type: grid, ... }</c>).</summary>
public sealed record GridOptions
{
    /// <summary>Seed of the visiting order when <see cref="Shuffle"/> is on. Default: null.</summary>
    public int? Seed { get; init; }

    /// <summary>Points per continuous float parameter (floats with a step and ints use their own grid). Default: 5.</summary>
    public int PointsPerFloat { get; init; } = 5;

    /// <summary>Visit the grid in a seeded random order instead of row-major order. Default: false.</summary>
    public bool Shuffle { get; init; }

    public string? Validate() => PointsPerFloat < 2 ? $"sampler.pointsPerFloat must be >= 2 (got {PointsPerFloat})" : null;
}
