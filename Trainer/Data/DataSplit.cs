namespace Sweep.Trainer.Data;

/// <summary>Which part of a dataset: the DVS training set or the held-out (validation/test) set.</summary>
public enum DataSplit
{
    /// <summary>Training samples (after <c>dataset.trainFraction</c>).</summary>
    Train,

    /// <summary>Held-out samples used for validation/testing.</summary>
    Val,
}
