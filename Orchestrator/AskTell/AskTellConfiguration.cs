using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Samplers;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// What an <see cref="AskTellServer"/> builds its study from. The factories are injected so that the server
/// stays ignorant of sampler and pruner classes; a factory that throws turns into an <c>init</c> error.
/// </summary>
/// <param name="CreateSampler">Builds the sampler for a validated <c>init</c> (seed, space and hints inside).</param>
/// <param name="CreatePruner">Builds the pruner for a validated <c>init</c>.</param>
/// <param name="Impl">The <c>impl</c> of the <c>init</c> answer, e.g. <c>sweep-0.1.0</c>.</param>
public sealed record AskTellConfiguration(
    Func<ProtocolInit, ISampler> CreateSampler,
    Func<ProtocolInit, IPruner> CreatePruner,
    string Impl)
{
    /// <summary>
    /// Longest request line accepted, in bytes without the newline. Longer lines are skipped without being
    /// buffered and answered with an error, so a runaway client cannot exhaust memory. Default: 1 MiB.
    /// </summary>
    public int MaxLineBytes { get; init; } = 1 << 20;
}
