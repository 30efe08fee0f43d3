using Sweep.Orchestrator.AskTell;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;

namespace Sweep.Orchestrator.Commands;

/// <summary>
/// The one place that maps <c>sweep ask-tell</c> names to sampler and pruner classes. A name the CLI accepts
/// but this build has no class for is refused at start-up with "unknown sampler 'x'".
/// </summary>
public static class AskTellSamplers
{
    /// <summary>The server configuration for <paramref name="options"/>, or an error message.</summary>
    public static AskTellConfiguration? TryCreate(AskTellCommandOptions options, string impl, out string? error)
    {
        var sampler = Sampler(options);
        var pruner = Pruner(options);
        error = sampler is null ? $"unknown sampler '{options.Sampler}'"
            : pruner is null ? $"unknown pruner '{options.Pruner}'"
            : null;
        return error is null ? new AskTellConfiguration(sampler!, pruner!, impl) : null;
    }

    // Each arm receives the validated init (seed, space, budget, steps, batch hints).
    private static Func<ProtocolInit, ISampler>? Sampler(AskTellCommandOptions options) => options.Sampler switch
    {
        "tpe" => init => new TpeSampler(options.ToTpeOptions(init.Seed)),
        "random" => init => new RandomSampler(init.Seed),
        "qmc" => init => new QmcSampler(new QmcOptions { Seed = init.Seed }),
        "grid" => init => new GridSampler(new GridOptions { Seed = init.Seed }),
        _ => null,
    };

    private static Func<ProtocolInit, IPruner>? Pruner(AskTellCommandOptions options) => options.Pruner switch
    {
        "none" => _ => new NopPruner(),
        "median" => _ => new MedianPruner(new MedianPrunerOptions()),
        "asha" => _ => new AshaPruner(new AshaOptions()),
        "hyperband" => _ => new HyperbandPruner(new HyperbandOptions()),
        _ => null,
    };
}
