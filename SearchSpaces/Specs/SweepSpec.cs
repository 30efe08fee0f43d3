using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// A loaded, validated sweep spec (<c>apiVersion: sweep/v1</c>). Defaults are filled in, so the engine never
/// looks at YAML again; <see cref="Writing.SpecDocument"/> writes it back in normalised form.
/// </summary>
public sealed record SweepSpec(
    string Name,
    MetricSpec Metric,
    SamplerSpec Sampler,
    PrunerSpec Pruner,
    BudgetSpec Budget,
    SearchSpace Space,
    TrialSpec Trial)
{
    public const string CurrentApiVersion = "sweep/v1";

    public string ApiVersion => CurrentApiVersion;

    /// <summary>Free text for listings. Default: null.</summary>
    public string? Description { get; init; }
}
