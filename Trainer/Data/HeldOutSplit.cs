namespace Sweep.Trainer.Data;

/// <summary>
/// <c>dataset.evalSplit</c>: which part of the held-out items a run evaluates on (its <see cref="DataSplit.Val"/>).
/// Sweeps rank on val; the test part (<c>dataset.testFraction</c>) is for the final report.
/// </summary>
public enum HeldOutSplit
{
    /// <summary>The held-out items not kept back as test.</summary>
    Val,

    /// <summary>The items kept back by <c>dataset.testFraction</c>.</summary>
    Test,
}
