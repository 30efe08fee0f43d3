using Sweep.Contracts.Config;
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

    /// <summary>What loading noticed but did not refuse (a high moved onto its step grid); <c>validate</c> and <c>start</c> print them.</summary>
    public System.Collections.Immutable.ImmutableArray<SpecError> Warnings { get; init; } = [];

    /// <summary>Report steps of a function trial's synthetic curve (<c>trial.steps</c>). Default: 10.</summary>
    public int FunctionSteps => Trial["steps"] is long l and > 0 and <= int.MaxValue ? (int)l : 10;

    /// <summary>Seconds between a function trial's reports (<c>trial.stepSeconds</c>). Default: 0.</summary>
    public double FunctionStepSeconds => Trial["stepSeconds"] switch
    {
        double d when d >= 0 => d,
        long l when l >= 0 => l,
        _ => 0,
    };

    /// <summary>
    /// The most resource a trial reaches in <see cref="PrunerSpec.Resource"/> units when the spec says (a method's
    /// <c>epochs</c>, fixed or the top of its range, else the trainer's default; its <c>maxSteps</c>; a function's
    /// steps), or null when only the program knows. Sizes the pruner's rungs unless it sets <c>maxResource</c>.
    /// </summary>
    public int? MaxResource()
    {
        if (Trial.Kind == TrialKind.Function) return FunctionSteps;
        if (Trial.Kind != TrialKind.Method) return null;
        var key = Pruner.Resource == ResourceUnit.Epoch ? "epochs" : "maxSteps";
        if (Space.Parameters.FirstOrDefault(p => p.Name == key)?.Distribution is Distributions.IntDistribution range)
            return (int)Math.Min(range.High, int.MaxValue);
        var value = Trial[key] is long l ? l : Convert.ToInt64(ConfigKeys.Find(key)!.Default, System.Globalization.CultureInfo.InvariantCulture);
        return value is > 0 and <= int.MaxValue ? (int)value : null;
    }
}
