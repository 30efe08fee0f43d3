using System.Collections.Immutable;
using Sweep.Grains.Model;
using Sweep.SearchSpaces;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Grains.Sweeps;

/// <summary>
/// A sweep spec turned into what the engine needs: a fresh study (sampler, pruner, direction) and the recipe for
/// each trial's assignment. Built from the persisted spec text on every activation.
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(SweepSpec spec, string specText)
    {
        Spec = spec;
        SpecText = specText;
        Settings = [.. spec.Trial.Settings.Select(s => new KeyValuePair<string, object?>(s.Key, s.Value))];
    }

    public SweepSpec Spec { get; }
    public string SpecText { get; }
    public TrialKind Kind => Spec.Trial.Kind;
    public ImmutableArray<KeyValuePair<string, object?>> Settings { get; }
    public string MetricName => Spec.Metric.Name;
    public StudyDirection Goal => Spec.Metric.Goal;

    /// <exception cref="SpecException">The spec is invalid.</exception>
    public static SweepPlan Parse(string specText, string specFile) => new(SpecLoader.Parse(specText, specFile), specText);

    public Study NewStudy() => new(Spec.Space, Spec.Metric.Goal, SamplerFactory.Create(Spec.Sampler), PrunerFactory.Create(Spec.Pruner),
        new StudyOptions { MaxSteps = Spec.MaxResource(), Batch = Spec.Budget.ParallelTrials, Enqueued = Spec.Budget.Enqueue });

    /// <summary>The parameters of a trial as JSON literals, in space order.</summary>
    public ImmutableArray<ParamValue> Values(IReadOnlyDictionary<string, double> internalValues) =>
        [.. Spec.Space.ToExternal(internalValues).Select(kv => new ParamValue(kv.Key, ParamText.Json(kv.Value)))];

    /// <summary>
    /// What a runner needs for this attempt. A command that references parameters or settings as <c>${name}</c> gets
    /// them there and no <c>--set</c> arguments; otherwise every setting and parameter is one <c>--set key=value</c>.
    /// The trial's seed travels like a parameter (<c>seed</c>) unless the spec fixes or searches it itself (for a command:
    /// only with <c>budget.reevaluate</c> or a <c>${seed}</c> template).
    /// </summary>
    /// <param name="dataSeed">
    /// For a re-evaluation of a <c>trial.method</c> sweep, the search's seed, passed as <c>dataset.seed</c> (unless the
    /// spec sets it) so the run draws the same data and split as the search and only the training seed changes.
    /// </param>
    public TrialAssignment Assign(TrialInfo trial, int? dataSeed = null)
    {
        var external = Spec.Space.ToExternal(trial.Params);
        var target = Spec.Trial.Target;
        if (Kind == TrialKind.Method && external.TryGetValue("method", out var m) && m is string method) target = method;
        var pairs = Settings.Concat(external).ToList();
        // A user's program may refuse arguments it does not know: a command gets `seed` only when the sweep re-runs
        // configs on fresh seeds or its command line asks for ${seed}; SWEEP_SEED is always in its environment.
        var passSeed = Kind != TrialKind.Command || Spec.Budget.Reevaluate is not null
                       || Spec.Trial.Target.Contains("${" + TrialSpec.SeedName + "}", StringComparison.Ordinal);
        var seed = ChoosesSeed && passSeed ? trial.Seed : null;
        if (seed is { } s) pairs.Add(new(TrialSpec.SeedName, (long)s));
        if (seed is not null && Kind == TrialKind.Method && dataSeed is { } ds && !Names.Contains(DataSeedName)) pairs.Add(new(DataSeedName, (long)ds));
        var sets = pairs.Where(kv => kv.Key != "method" || Kind != TrialKind.Method).Select(kv => $"{kv.Key}={ParamText.Plain(kv.Value)}");
        if (Kind == TrialKind.Command && TemplateValues(pairs) is { } values)
        {
            target = CommandTemplate.Expand(target, values);
            sets = [];
        }
        return new TrialAssignment
        {
            SweepId = trial.SweepId,
            Number = trial.Number,
            Attempt = trial.Attempt,
            Kind = Kind,
            Target = target,
            Settings = [.. sets],
            ParamsJson = ParamText.JsonObject(pairs),
            MetricName = MetricName,
            Steps = Spec.FunctionSteps,
            StepSeconds = Spec.FunctionStepSeconds,
            Values = trial.Values,
            Resource = Spec.Pruner.Resource,
            StopGrace = Spec.Trial.StopGrace,
            Timeout = Spec.Trial.Timeout,
            ProgressTimeout = Spec.Trial.ProgressTimeout,
            GpuMemoryGb = Spec.Trial.GpuMemoryGb,
            Seed = ChoosesSeed ? trial.Seed : null,   // SWEEP_SEED, even where no argument carries it
        };
    }

    private const string DataSeedName = "dataset.seed";

    /// <summary>The engine passes each trial's seed unless the spec fixes or searches <c>seed</c> (then the spec's value stands).</summary>
    public bool ChoosesSeed => !Names.Contains(TrialSpec.SeedName);

    /// <summary>Parameter and setting names.</summary>
    private HashSet<string> Names => field ??= [.. Spec.Space.Parameters.Select(p => p.Name).Concat(Settings.Select(kv => kv.Key))];

    /// <summary>Every template name with its text (absent conditional parameters empty), or null when the command uses none.</summary>
    private ImmutableDictionary<string, string?>? TemplateValues(List<KeyValuePair<string, object?>> pairs)
    {
        var known = Names.Append(TrialSpec.SeedName).ToHashSet(StringComparer.Ordinal);
        var used = CommandTemplate.References(Spec.Trial.Target).Where(known.Contains).ToList();
        if (used.Count == 0) return null;
        var given = pairs.ToDictionary(kv => kv.Key, kv => (string?)ParamText.Plain(kv.Value), StringComparer.Ordinal);
        return used.ToImmutableDictionary(n => n, n => given.GetValueOrDefault(n), StringComparer.Ordinal);
    }
}
