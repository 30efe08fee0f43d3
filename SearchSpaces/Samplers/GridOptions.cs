namespace Sweep.SearchSpaces.Samplers;

/// <summary>Options of the grid sampler (spec: <c>sampler: { type: grid, ... }</c>).</summary>
public sealed record GridOptions
{
    /// <summary>Seed of the visiting order when <see cref="Shuffle"/> is on. Default: null.</summary>
    public int? Seed { get; init; }

    /// <summary>Points per continuous float parameter (floats with a step and ints use their own grid). Default: 5.</summary>
    public int PointsPerFloat { get; init; } = 5;

    /// <summary>
    /// Largest int or step-float grid enumerated point by point; a larger one is treated like a continuous float
    /// and gets <see cref="PointsPerFloat"/> evenly spaced grid points (log-spaced for log ints). Default: 100.
    /// </summary>
    public int MaxPointsPerAxis { get; init; } = 100;

    /// <summary>Visit the grid in a seeded random order instead of row-major order. Default: false.</summary>
    public bool Shuffle { get; init; }

    public string? Validate() =>
        PointsPerFloat < 2 ? $"sampler.pointsPerFloat must be >= 2 (got {PointsPerFloat})"
        : MaxPointsPerAxis < PointsPerFloat ? $"sampler.maxPointsPerAxis must be >= sampler.pointsPerFloat (got {MaxPointsPerAxis} < {PointsPerFloat})"
        : null;
}
