using System.Collections.Immutable;
using Sweep.Grains.Model;
using Sweep.SearchSpaces;
using Sweep.SearchSpaces.Objectives;
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
        Target = spec.Trial.Kind switch
        {
            TrialKind.Method => TrialTarget.Method,
            TrialKind.Command => TrialTarget.Command,
            _ => TrialTarget.Function,
        };
        Settings = [.. spec.Trial.Settings.Select(s => new KeyValuePair<string, object?>(s.Key, s.Value))];
        Steps = IntSetting("steps") ?? 10;
        StepSeconds = NumberSetting("stepSeconds") ?? 0;
    }

    public SweepSpec Spec { get; }
    public string SpecText { get; }
    public TrialTarget Target { get; }
    public ImmutableArray<KeyValuePair<string, object?>> Settings { get; }
    public int Steps { get; }
    public double StepSeconds { get; }
    public string MetricName => Spec.Metric.Name;
    public StudyDirectionName Goal => Spec.Metric.Goal == StudyDirection.Maximize ? StudyDirectionName.Maximize : StudyDirectionName.Minimize;

    /// <exception cref="SpecException">The spec is invalid.</exception>
    /// <exception cref="ArgumentException">The spec is valid but cannot run (a function missing its parameters).</exception>
    public static SweepPlan Parse(string specText, string specFile)
    {
        var plan = new SweepPlan(SpecLoader.Parse(specText, specFile), specText);
        if (plan.Target == TrialTarget.Function)
        {
            var function = BenchmarkFunction.Get(plan.Spec.Trial.Target);
            var missing = function.Missing(plan.Spec.Space.Parameters.Select(p => p.Name));
            if (missing.Count > 0)
                throw new ArgumentException($"{specFile}: trial.function {function.Name} needs parameters {string.Join(", ", missing)}, which the spec does not define");
        }
        return plan;
    }

    public Study NewStudy() => new(Spec.Space, Spec.Metric.Goal, SamplerFactory.Create(Spec.Sampler), PrunerFactory.Create(Spec.Pruner),
        new StudyOptions
        {
            MaxSteps = Target == TrialTarget.Function ? Steps : IntSetting("epochs"),
            Batch = Spec.Budget.ParallelTrials,
        });

    /// <summary>The parameters of a trial as JSON literals, in space order.</summary>
    public ImmutableArray<ParamValue> Values(IReadOnlyDictionary<string, double> internalValues) =>
        [.. Spec.Space.ToExternal(internalValues).Select(kv => new ParamValue(kv.Key, ParamText.Json(kv.Value)))];

    public TrialAssignment Assign(TrialInfo trial)
    {
        var external = Spec.Space.ToExternal(trial.Params);
        var target = Spec.Trial.Target;
        if (Target == TrialTarget.Method && external.TryGetValue("method", out var m) && m is string method) target = method;
        var pairs = Settings.Concat(external).ToList();
        var json = "{" + string.Join(",", pairs.Select(kv => $"{ParamText.Json(kv.Key)}:{ParamText.Json(kv.Value)}")) + "}";
        return new TrialAssignment
        {
            SweepId = trial.SweepId,
            Number = trial.Number,
            Attempt = trial.Attempt,
            Kind = Target,
            Target = target,
            Settings = [.. pairs.Where(kv => kv.Key != "method" || Target != TrialTarget.Method).Select(kv => $"{kv.Key}={ParamText.Plain(kv.Value)}")],
            ParamsJson = json,
            MetricName = MetricName,
            Steps = Steps,
            StepSeconds = StepSeconds,
            Values = trial.Values,
        };
    }

    private int? IntSetting(string key) => Spec.Trial[key] switch
    {
        long l when l is > 0 and <= int.MaxValue => (int)l,
        int i when i > 0 => i,
        _ => null,
    };

    private double? NumberSetting(string key) => Spec.Trial[key] switch
    {
        double d when d >= 0 => d,
        long l when l >= 0 => l,
        _ => null,
    };
}
