using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Reads <c>pruner:</c>; option keys are the camelCase names of the option records' properties (<c>interval</c> for IntervalSteps).</summary>
internal static class PrunerReader
{
    public static readonly IReadOnlyList<string> Types = ["none", "median", "asha", "hyperband"];

    public static readonly IReadOnlyList<string> Resources = ["epoch", "step"];

    /// <summary>The pruner, and its <c>resource</c> when the spec gives one (the default depends on the trial).</summary>
    public static (PrunerSpec? Spec, ResourceUnit? Resource) Read(SpecMapping? node, SpecDiagnostics d)
    {
        if (node is null) return (PrunerSpec.None, null);
        var m = new MappingReader(node, "pruner", d);
        var type = m.OneOf("type", Types, required: true);
        ResourceUnit? resource = m.OneOf("resource", Resources) switch
        {
            "epoch" => ResourceUnit.Epoch,
            "step" => ResourceUnit.Step,
            _ => null,
        };
        PrunerSpec? spec = type switch
        {
            "none" => PrunerSpec.None,
            "median" => Median(m),
            "asha" => Asha(m),
            "hyperband" => Hyperband(m),
            _ => null,
        };
        if (type is not null) m.RejectUnknown($" for pruner type '{type}'");
        return (spec, resource);
    }

    private static PrunerSpec Median(MappingReader m)
    {
        var d = new MedianPrunerOptions();
        var o = new MedianPrunerOptions
        {
            StartupTrials = m.Int("startupTrials") ?? d.StartupTrials,
            WarmupSteps = m.Int("warmupSteps") ?? d.WarmupSteps,
            IntervalSteps = m.Int("interval") ?? d.IntervalSteps,
            MinTrials = m.Int("minTrials") ?? d.MinTrials,
        };
        m.ReportOption(o.Validate());
        return new PrunerSpec(PrunerKind.Median) { Median = o };
    }

    private static PrunerSpec Asha(MappingReader m)
    {
        var d = new AshaOptions();
        var o = new AshaOptions
        {
            MinResource = m.Int("minResource") ?? d.MinResource,
            ReductionFactor = m.Int("reductionFactor") ?? d.ReductionFactor,
            MinEarlyStoppingRate = m.Int("minEarlyStoppingRate") ?? d.MinEarlyStoppingRate,
            MaxResource = m.Int("maxResource") ?? d.MaxResource,
        };
        m.ReportOption(o.Validate());
        return new PrunerSpec(PrunerKind.Asha) { Asha = o };
    }

    private static PrunerSpec Hyperband(MappingReader m)
    {
        var d = new HyperbandOptions();
        var o = new HyperbandOptions
        {
            MinResource = m.Int("minResource") ?? d.MinResource,
            MaxResource = m.Int("maxResource") ?? d.MaxResource,
            ReductionFactor = m.Int("reductionFactor") ?? d.ReductionFactor,
        };
        m.ReportOption(o.Validate());
        return new PrunerSpec(PrunerKind.Hyperband) { Hyperband = o };
    }
}
