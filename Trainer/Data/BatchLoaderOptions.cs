namespace Sweep.Trainer.Data;

/// <summary>Options of <see cref="PairedBatchLoader"/>.</summary>
public sealed record BatchLoaderOptions
{
    /// <summary>Samples per batch. Default: 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of the epoch order, pairing and augmentation. Default: 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Drop the last incomplete training batch (linear CKA needs a constant B). Default: true.</summary>
    public bool DropLastTrain { get; init; } = true;

    /// <summary>Drop the last incomplete validation batch. Default: false.</summary>
    public bool DropLastVal { get; init; }

    /// <summary>Pair validation batches with RGB too (KT validates on DVS only). Default: false.</summary>
    public bool PairVal { get; init; }

    /// <summary>Batches built ahead on one background thread; 0 builds them on the caller's thread. Default: 2.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Throws naming the option when a value is out of range.</summary>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"BatchLoaderOptions.BatchSize must be at least 1, but got {BatchSize}.");
        if (Prefetch < 0) throw new ArgumentException($"BatchLoaderOptions.Prefetch must be at least 0, but got {Prefetch}.");
    }
}
