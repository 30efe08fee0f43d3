using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Specs.Writing;

/// <summary>
/// The normalised spec as an ordered tree (maps are lists of key/value pairs, lists are object lists) with every
/// default written out, so <c>sweep validate -f json|yaml</c> shows what the engine will run. Parsing the
/// written YAML gives the same spec back.
/// </summary>
public static class SpecDocument
{
    public static List<KeyValuePair<string, object?>> Build(SweepSpec spec)
    {
        var doc = new List<KeyValuePair<string, object?>> { new("apiVersion", spec.ApiVersion), new("name", spec.Name) };
        if (spec.Description is not null) doc.Add(new("description", spec.Description));
        doc.Add(new("metric", Map(("name", spec.Metric.Name), ("goal", spec.Metric.Goal == StudyDirection.Minimize ? "minimize" : "maximize"))));
        doc.Add(new("sampler", Sampler(spec.Sampler)));
        var pruner = Pruner(spec.Pruner);
        pruner.Insert(1, new("resource", spec.Pruner.Resource.ToString().ToLowerInvariant()));
        doc.Add(new("pruner", pruner));
        var budget = Budget(spec.Budget);
        if (spec.Budget.Enqueue.Length > 0)
            budget.Add(new("enqueue", spec.Budget.Enqueue.Select(e => spec.Space.ToExternal(e).Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)).ToList()).ToList()));
        doc.Add(new("budget", budget));
        doc.Add(new("parameters", spec.Space.Parameters.Select(p => new KeyValuePair<string, object?>(p.Name, Parameter(p))).ToList()));
        var trial = Map((spec.Trial.Kind.ToString().ToLowerInvariant(), spec.Trial.Target));
        trial.Add(new("stopGrace", DurationFormat.Format(spec.Trial.StopGrace)));
        if (spec.Trial.Timeout is { } timeout) trial.Add(new("timeout", DurationFormat.Format(timeout)));
        if (spec.Trial.ProgressTimeout is { } quiet) trial.Add(new("progressTimeout", DurationFormat.Format(quiet)));
        trial.AddRange(spec.Trial.Settings.Select(s => new KeyValuePair<string, object?>(s.Key, s.Value)));
        doc.Add(new("trial", trial));
        return doc;
    }

    private static List<KeyValuePair<string, object?>> Map(params (string Key, object? Value)[] entries) =>
        [.. entries.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, object?>(e.Key, e.Value))];

    private static List<KeyValuePair<string, object?>> Sampler(SamplerSpec s) => s switch
    {
        { Tpe: { } o } => Map(("type", "tpe"), ("seed", s.Seed), ("startupTrials", o.StartupTrials), ("candidates", o.Candidates),
            ("considerPrior", o.ConsiderPrior), ("priorWeight", o.PriorWeight), ("considerMagicClip", o.ConsiderMagicClip),
            ("considerEndpoints", o.ConsiderEndpoints), ("multivariate", o.Multivariate), ("group", o.Group), ("constantLiar", o.ConstantLiar),
            ("fidelity", o.Fidelity.ToString().ToLowerInvariant())),
        { Grid: { } o } => Map(("type", "grid"), ("seed", s.Seed), ("pointsPerFloat", o.PointsPerFloat), ("shuffle", o.Shuffle)),
        { Qmc: { } o } => Map(("type", "qmc"), ("seed", s.Seed), ("sequence", o.Sequence.ToString().ToLowerInvariant()), ("scramble", o.Scramble)),
        _ => Map(("type", s.Kind.ToString().ToLowerInvariant()), ("seed", s.Seed)),
    };

    private static List<KeyValuePair<string, object?>> Pruner(PrunerSpec p) => p switch
    {
        { Median: { } o } => Map(("type", "median"), ("startupTrials", o.StartupTrials), ("warmupSteps", o.WarmupSteps),
            ("interval", o.IntervalSteps), ("minTrials", o.MinTrials)),
        { Asha: { } o } => Map(("type", "asha"), ("minResource", o.MinResource), ("reductionFactor", o.ReductionFactor),
            ("minEarlyStoppingRate", o.MinEarlyStoppingRate), ("maxResource", o.MaxResource)),
        { Hyperband: { } o } => Map(("type", "hyperband"), ("minResource", o.MinResource), ("maxResource", o.MaxResource),
            ("reductionFactor", o.ReductionFactor)),
        _ => Map(("type", p.Kind.ToString().ToLowerInvariant())),
    };

    private static List<KeyValuePair<string, object?>> Budget(BudgetSpec b) =>
        Map(("maxTrials", b.MaxTrials), ("parallelTrials", b.ParallelTrials), ("maxFailedTrials", b.MaxFailedTrials),
            ("timeout", b.Timeout is { } t ? DurationFormat.Format(t) : null), ("drainGrace", DurationFormat.Format(b.DrainGrace)),
            ("maxRetries", b.MaxRetries),
            ("reevaluate", b.Reevaluate is { } r ? Map(("top", r.Top), ("seeds", r.Seeds)) : null));

    private static List<KeyValuePair<string, object?>> Parameter(Parameter p)
    {
        var result = p.Distribution switch
        {
            FloatDistribution f => Map(("type", "float"), ("low", f.Low), ("high", f.High), ("log", f.Log), ("step", f.Step)),
            IntDistribution i => Map(("type", "int"), ("low", i.Low), ("high", i.High), ("log", i.Log), ("step", i.Step)),
            CategoricalDistribution c => Map(("type", "categorical"), ("choices", c.Choices.ToList())),
            _ => throw new ArgumentException($"unknown distribution {p.Distribution.GetType().Name}", nameof(p)),
        };
        if (p.When is { } when)
            result.Add(new("when", when.Requirements.Select(r => new KeyValuePair<string, object?>(
                r.Key, r.Value.Length == 1 ? r.Value[0] : r.Value.ToList())).ToList()));
        return result;
    }
}
