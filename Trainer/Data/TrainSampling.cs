namespace Sweep.Trainer.Data;

/// <summary>How the loader orders training samples within an epoch.</summary>
public enum TrainSampling
{
    /// <summary>Seeded permutation (KT's SubsetRandomSampler): every sample once per epoch.</summary>
    Shuffle,

    /// <summary>
    /// Draws with replacement, weight 1/count(class) (KT's WeightedRandomSampler for N-Caltech101),
    /// as many draws as there are training samples.
    /// </summary>
    ClassBalanced,
}
