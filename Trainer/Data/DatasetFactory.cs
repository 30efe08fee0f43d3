namespace Sweep.Trainer.Data;

/// <summary>Builds the dataset a <see cref="DatasetOptions"/> describes (validates first; errors name the key).</summary>
public static class DatasetFactory
{
    /// <summary>Creates the dataset for <c>dataset.kind</c>.</summary>
    public static IPairedDataset Create(DatasetOptions options)
    {
        options.Validate();
        return options.Kind switch
        {
            DatasetKind.Synthetic => new SyntheticDataset(options),
            DatasetKind.NCaltech101 => new NCaltech101Dataset(options),
            DatasetKind.CepDvs => new CepDvsDataset(options),
            DatasetKind.NOmniglot => new NOmniglotDataset(options),
            _ => throw new ArgumentException($"dataset.kind {options.Kind} is not supported."),
        };
    }

    /// <summary>Parses a <c>dataset.kind</c> value (synthetic, ncaltech101, cepdvs, nomniglot; case-insensitive).</summary>
    public static DatasetKind ParseKind(string value) => value.Trim().ToLowerInvariant() switch
    {
        "synthetic" => DatasetKind.Synthetic,
        "ncaltech101" => DatasetKind.NCaltech101,
        "cepdvs" => DatasetKind.CepDvs,
        "nomniglot" => DatasetKind.NOmniglot,
        _ => throw new ArgumentException($"dataset.kind must be one of synthetic, ncaltech101, cepdvs, nomniglot, but got '{value}'."),
    };

    /// <summary>Parses a <c>dataset.sampler</c> value (balanced, shuffle).</summary>
    public static TrainSampling ParseSampler(string value) => value.Trim().ToLowerInvariant() switch
    {
        "balanced" => TrainSampling.ClassBalanced,
        "shuffle" => TrainSampling.Shuffle,
        _ => throw new ArgumentException($"dataset.sampler must be balanced or shuffle, but got '{value}'."),
    };
}
