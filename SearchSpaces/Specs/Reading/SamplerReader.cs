using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Reads <c>sampler:</c>; option keys are the camelCase names of the option records' properties.</summary>
internal static class SamplerReader
{
    public static readonly IReadOnlyList<string> Types = ["tpe", "random", "grid", "qmc"];

    public static SamplerSpec? Read(SpecMapping? node, SpecDiagnostics d)
    {
        if (node is null) return SamplerSpec.Default;
        var m = new MappingReader(node, "sampler", d);
        var type = m.OneOf("type", Types, required: true);
        var seed = m.Int("seed", min: 0);
        SamplerSpec? spec = type switch
        {
            "tpe" => Tpe(m, seed),
            "random" => new SamplerSpec(SamplerKind.Random, seed),
            "grid" => Grid(m, seed),
            "qmc" => Qmc(m, seed),
            _ => null,
        };
        // With an unknown type, its options cannot be checked; the type error is the one to fix first.
        if (type is not null) m.RejectUnknown($" for sampler type '{type}'");
        return spec;
    }

    private static SamplerSpec Tpe(MappingReader m, int? seed)
    {
        var d = new TpeOptions();
        var o = new TpeOptions
        {
            Seed = seed,
            StartupTrials = m.Int("startupTrials") ?? d.StartupTrials,
            Candidates = m.Int("candidates") ?? d.Candidates,
            ConsiderPrior = m.Bool("considerPrior") ?? d.ConsiderPrior,
            PriorWeight = m.Number("priorWeight") ?? d.PriorWeight,
            ConsiderMagicClip = m.Bool("considerMagicClip") ?? d.ConsiderMagicClip,
            ConsiderEndpoints = m.Bool("considerEndpoints") ?? d.ConsiderEndpoints,
            Multivariate = m.Bool("multivariate") ?? d.Multivariate,
            Group = m.Bool("group") ?? d.Group,
            ConstantLiar = m.Bool("constantLiar") ?? d.ConstantLiar,
            Fidelity = m.OneOf("fidelity", ["final", "rungs"]) switch
            {
                "rungs" => TpeFidelity.Rungs,
                "final" => TpeFidelity.Final,
                _ => d.Fidelity,
            },
        };
        m.ReportOption(o.Validate());
        return new SamplerSpec(SamplerKind.Tpe, seed) { Tpe = o };
    }

    private static SamplerSpec Grid(MappingReader m, int? seed)
    {
        var d = new GridOptions();
        var o = new GridOptions
        {
            Seed = seed,
            PointsPerFloat = m.Int("pointsPerFloat") ?? d.PointsPerFloat,
            Shuffle = m.Bool("shuffle") ?? d.Shuffle,
        };
        m.ReportOption(o.Validate());
        return new SamplerSpec(SamplerKind.Grid, seed) { Grid = o };
    }

    private static SamplerSpec Qmc(MappingReader m, int? seed)
    {
        var d = new QmcOptions();
        var sequence = m.OneOf("sequence", ["sobol", "halton"]) switch
        {
            "sobol" => QmcSequence.Sobol,
            "halton" => QmcSequence.Halton,
            _ => d.Sequence,
        };
        var o = new QmcOptions { Seed = seed, Sequence = sequence, Scramble = m.Bool("scramble") ?? d.Scramble };
        return new SamplerSpec(SamplerKind.Qmc, seed) { Qmc = o };
    }
}
