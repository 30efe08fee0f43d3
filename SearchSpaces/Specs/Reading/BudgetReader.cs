using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Reads <c>budget:</c>. parallelTrials above maxTrials is rejected: the extra slots could never be used, so it is a typo.</summary>
internal static class BudgetReader
{
    public static BudgetSpec? Read(SpecMapping node, SpecDiagnostics d)
    {
        var errors = d.Count;
        var m = new MappingReader(node, "budget", d);
        var maxTrialsNode = m.Required("maxTrials");
        var maxTrials = maxTrialsNode is null ? null : Values.Int(maxTrialsNode, m.Child("maxTrials"), d, min: 1);
        var parallel = m.Int("parallelTrials", min: 1) ?? 1;
        var maxFailed = m.Int("maxFailedTrials", min: 0);
        var timeout = m.Duration("timeout");
        var drainGrace = m.Duration("drainGrace", allowZero: true) ?? BudgetSpec.DefaultDrainGrace;
        var retries = m.Int("maxRetries", min: 0) ?? 0;
        _ = m.Get("enqueue");   // read by EnqueueReader once the parameters are known
        var reevaluate = m.Map("reevaluate") is { } r ? Reevaluate(r, d) : null;
        m.RejectUnknown();
        if (maxTrials is { } max && parallel > max)
            d.Add(m.Get("parallelTrials")!, m.Child("parallelTrials"), $"must be <= maxTrials (got {parallel} > {max})");
        return d.Count > errors || maxTrials is null
            ? null
            : new BudgetSpec(maxTrials.Value, parallel, maxFailed, timeout, retries) { DrainGrace = drainGrace, Reevaluate = reevaluate };
    }

    private static ReevaluateSpec? Reevaluate(SpecMapping node, SpecDiagnostics d)
    {
        var m = new MappingReader(node, "budget.reevaluate", d);
        var topNode = m.Required("top");
        var seedsNode = m.Required("seeds");
        var top = topNode is null ? null : Values.Int(topNode, m.Child("top"), d, min: 1);
        var seeds = seedsNode is null ? null : Values.Int(seedsNode, m.Child("seeds"), d, min: 1);
        m.RejectUnknown();
        return top is { } t && seeds is { } s ? new ReevaluateSpec(t, s) : null;
    }
}
