using Sweep.SearchSpaces.Spaces;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// A validated <c>init</c> request (PROTOCOL.md v1). Sampler and pruner factories receive it whole, so a
/// factory can use the hints (budget, steps, batch) without the server knowing why.
/// </summary>
/// <param name="Space">The parameters in the driver's order.</param>
/// <param name="Direction">Minimize or maximize.</param>
/// <param name="Seed">The run's seed; null when the driver sent none (the sampler then draws one).</param>
/// <param name="Budget">How many trials the driver will ask (a hint), or null.</param>
/// <param name="Steps">The largest report step (a hint), or null when trials do not report.</param>
/// <param name="Batch">How many trials are outstanding at once at most (a hint, >= 1).</param>
public sealed record ProtocolInit(SearchSpace Space, StudyDirection Direction, int? Seed, int? Budget, int? Steps, int Batch);
