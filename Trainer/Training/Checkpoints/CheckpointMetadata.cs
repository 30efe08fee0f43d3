using System.Collections.Immutable;

namespace Sweep.Trainer.Training.Checkpoints;

/// <summary>
/// <c>meta.json</c> of a checkpoint: where the run stood after <see cref="Epoch"/> (1-based, completed), the best
/// epoch so far, the RNG state to continue from, and the config it was trained with (<see cref="ConfigHash"/> plus the
/// hashed values, so a refused resume can name what changed). <see cref="RngPositions"/> holds counters the loop's
/// own samplers need to resume (e.g. how many batches the pairing sampler has drawn).
/// </summary>
public sealed record CheckpointMetadata(
    int Epoch,
    long GlobalStep,
    double? ValTop1,
    double? BestValTop1,
    int? BestEpoch,
    int Seed,
    string? TorchRngState,
    ImmutableSortedDictionary<string, long> RngPositions,
    string ConfigHash,
    ImmutableSortedDictionary<string, string> RunValues,
    ImmutableSortedDictionary<string, string> Provenance,
    bool HasOptimizerState,
    DateTimeOffset SavedUtc)
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
}
