namespace Sweep.SearchSpaces.Samplers;

/// <summary>Which results the TPE model learns from (spec: <c>sampler.fidelity</c>).</summary>
public enum TpeFidelity
{
    /// <summary>Finished trials ranked as Optuna does: Complete by value, Pruned behind them by (−last step, value).</summary>
    Final,

    /// <summary>
    /// BOHB-style: while too few trials are Complete, the values every trial reported at the highest pruner rung that
    /// enough trials reached (pruned and running ones included); finals once enough trials are Complete.
    /// </summary>
    Rungs,
}
