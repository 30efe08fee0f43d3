using System.Text.RegularExpressions;
using Sweep.Contracts.Config;
using Sweep.Contracts.Text;
using Sweep.SearchSpaces.Spaces;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Reads the top level of a spec and checks the rules that span sections.</summary>
internal static partial class SpecReader
{
    private static readonly string[] Goals = ["minimize", "maximize"];

    /// <param name="baseDirectory">The spec's folder: relative paths in <c>trial:</c> are taken from it; null leaves them as written.</param>
    public static SweepSpec? Read(SpecNode root, SpecDiagnostics d, string? baseDirectory)
    {
        if (root is not SpecMapping map)
        {
            d.Add(root, "", $"the spec must be a map of apiVersion, name, metric, budget, parameters and trial (got {root.Describe()})");
            return null;
        }
        var m = new MappingReader(map, "", d);
        var apiVersion = m.String("apiVersion", required: true);
        if (apiVersion is not null && apiVersion != SweepSpec.CurrentApiVersion)
            d.Add(m.Get("apiVersion")!, "apiVersion", $"must be {SweepSpec.CurrentApiVersion} (got '{apiVersion}')");
        var name = m.String("name", required: true);
        if (name is not null && !NamePattern().IsMatch(name))
            d.Add(m.Get("name")!, "name", $"must be 1 to 63 characters of a-z, 0-9, '-', '_' and '.', starting with a letter or digit (got '{name}')");
        var description = m.String("description");
        var metric = Metric(m.Map("metric", required: true), d);
        var sampler = SamplerReader.Read(m.Map("sampler"), d);
        var (pruner, resource) = PrunerReader.Read(m.Map("pruner"), d);
        var budgetNode = m.Map("budget", required: true);
        var budget = budgetNode is null ? null : BudgetReader.Read(budgetNode, d);
        var parametersNode = m.Map("parameters", required: true);
        var (parameters, parameterKeys) = parametersNode is null ? ([], []) : ParameterReader.Read(parametersNode, d);
        if (budgetNode?.Entries.FirstOrDefault(e => e.Key.Text == "enqueue")?.Value is { } enqueueNode && budget is not null)
            budget = budget with { Enqueue = EnqueueReader.Read(enqueueNode, new SearchSpace(parameters), budget.MaxTrials, d) };
        var trialNode = m.Map("trial", required: true);
        var settingKeys = new Dictionary<string, SpecScalar>(StringComparer.Ordinal);
        var trial = trialNode is null ? null : TrialReader.Read(trialNode, d, settingKeys, baseDirectory);
        m.RejectUnknown();
        CheckOverlap(parameterKeys, settingKeys, d);
        if (trialNode is not null) CheckMethodParameter(parameters, parameterKeys, trialNode, d);
        if (trial is not null && trialNode is not null)
        {
            if (trial.Kind == TrialKind.Method) trial = TrainerKeys.Check(trial, parameters, parameterKeys, settingKeys, d, baseDirectory);
            if (trial.Kind == TrialKind.Function) CheckFunction(trial, parameters, trialNode, settingKeys, d);
            if (trial.Kind == TrialKind.Command) CheckCommandTemplates(trial, parameters, trialNode, d);
            if (budget?.Reevaluate is not null) CheckSeedIsFree(parameterKeys, settingKeys, d);
            if (resource == ResourceUnit.Epoch && trial.Kind == TrialKind.Function)
                d.Add(m.Map("pruner")!.Entries.First(e => e.Key.Text == "resource").Key, "pruner.resource",
                      "is epoch, but a trial.function reports steps only; use resource: step");
        }
        if (sampler is { Tpe.Fidelity: Samplers.TpeFidelity.Rungs } && pruner is { Kind: not (PrunerKind.Asha or PrunerKind.Hyperband) })
            d.Add(m.Map("sampler")!.Entries.First(e => e.Key.Text == "fidelity").Key, "sampler.fidelity",
                  $"is rungs, which models the pruner's rungs; it needs pruner.type asha or hyperband (got {pruner.Kind.ToString().ToLowerInvariant()})");
        if (sampler is { Grid: { } grid } && d.Count == 0)
            CheckGridSize(grid, parameters, m.Map("sampler")!, d);
        if (d.Count > 0 || metric is null || sampler is null || pruner is null || budget is null || trial is null)
            return null;
        pruner = pruner with { Resource = resource ?? (trial.Kind == TrialKind.Method ? ResourceUnit.Epoch : ResourceUnit.Step) };
        return new SweepSpec(name!, metric, sampler, pruner, budget, new SearchSpace(parameters), trial) { Description = description };
    }

    private static MetricSpec? Metric(SpecMapping? node, SpecDiagnostics d)
    {
        if (node is null) return null;
        var m = new MappingReader(node, "metric", d);
        var name = m.String("name", required: true);
        if (name is not null && string.IsNullOrWhiteSpace(name))
            d.Add(m.Get("name")!, "metric.name", "must not be empty");
        var goal = m.OneOf("goal", Goals, required: true);
        m.RejectUnknown();
        return string.IsNullOrWhiteSpace(name) || goal is null
            ? null
            : new MetricSpec(name, goal == "minimize" ? StudyDirection.Minimize : StudyDirection.Maximize);
    }

    /// <summary>A key is either searched or fixed: both would reach the trainer as two --set of one name.</summary>
    private static void CheckOverlap(Dictionary<string, SpecScalar> parameters, Dictionary<string, SpecScalar> settings, SpecDiagnostics d)
    {
        foreach (var (key, node) in settings)
            foreach (var (name, pnode) in parameters)
            {
                if (key == name)
                    d.Add(node, $"trial.{key}", $"is also a search parameter (parameters.{name} at {pnode.Line}:{pnode.Column}); a key is either fixed or searched");
                else if (key.StartsWith(name + ".", StringComparison.Ordinal) || name.StartsWith(key + ".", StringComparison.Ordinal))
                    d.Add(node, $"trial.{key}", $"overlaps search parameter {name} (at {pnode.Line}:{pnode.Column}); one key cannot be both a value and a group");
            }
    }

    /// <summary>A parameter named method picks the training method per trial, so it needs trial.method and method names as choices.</summary>
    private static void CheckMethodParameter(List<Parameter> parameters, Dictionary<string, SpecScalar> keys, SpecMapping trial, SpecDiagnostics d)
    {
        if (!keys.TryGetValue("method", out var key)) return;
        if (!trial.Entries.Any(e => e.Key.Text == "method"))
        {
            d.Add(key, "parameters.method", "picks the training method, so trial.method must be given (not command or function)");
            return;
        }
        var parameter = parameters.FirstOrDefault(p => p.Name == "method");
        if (parameter is null) return;
        if (parameter.Distribution is not Distributions.CategoricalDistribution c)
        {
            d.Add(key, "parameters.method", "must be categorical: it picks the training method");
            return;
        }
        foreach (var choice in c.Choices.Where(x => x is not string s || !ConfigKeys.Methods.Contains(s)))
            d.Add(key, "parameters.method", $"choice {DistributionReader.Show(choice)} is not a method ({string.Join(", ", ConfigKeys.Methods)})");
    }

    /// <summary>A grid the sampler could not hold would fail at start: refuse it here, where the spec says why.</summary>
    private static void CheckGridSize(Samplers.GridOptions grid, List<Parameter> parameters, SpecMapping samplerNode, SpecDiagnostics d)
    {
        try
        {
            _ = new Samplers.Grid.GridPoints(new SearchSpace(parameters), grid);
        }
        catch (ArgumentException e)
        {
            d.Add(samplerNode, "sampler", e.Message);
        }
    }

    /// <summary>
    /// A function reads fixed parameter names: a spec without one of them could only fail every trial. Its curve's
    /// <c>steps</c> and <c>stepSeconds</c> must be numbers a run can reach.
    /// </summary>
    private static void CheckFunction(TrialSpec trial, List<Parameter> parameters, SpecMapping trialNode,
                                      Dictionary<string, SpecScalar> settingKeys, SpecDiagnostics d)
    {
        if (settingKeys.TryGetValue("steps", out var stepsNode) && trial["steps"] is not (long and >= 1 and <= 1_000_000))
            d.Add(stepsNode, "trial.steps", $"must be an integer from 1 to 1,000,000 (got {DistributionReader.Show(trial["steps"])})");
        if (settingKeys.TryGetValue("stepSeconds", out var secondsNode) && trial["stepSeconds"] switch
            {
                double s => s is < 0 or > 3600 || double.IsNaN(s),
                long s => s is < 0 or > 3600,
                _ => true,
            })
            d.Add(secondsNode, "trial.stepSeconds", $"must be a number of seconds from 0 to 3600 (got {DistributionReader.Show(trial["stepSeconds"])})");
        var missing = TrialFunctions.Parameters[trial.Target].Where(n => parameters.All(p => p.Name != n)).ToList();
        if (missing.Count > 0)
            d.Add(trialNode.Entries.First(e => e.Key.Text == "function").Value, "trial.function",
                  $"{trial.Target} reads parameters {string.Join(", ", TrialFunctions.Parameters[trial.Target])}; the spec does not define {string.Join(", ", missing)}");
    }

    /// <summary>
    /// A <c>${name}</c> in the command that looks like a parameter (lower case, dots) must name a parameter or a fixed
    /// setting: a typo would reach the shell as an empty variable. Upper-case names are left to the shell.
    /// </summary>
    private static void CheckCommandTemplates(TrialSpec trial, List<Parameter> parameters, SpecMapping trialNode, SpecDiagnostics d)
    {
        var known = parameters.Select(p => p.Name).Concat(trial.Settings.Select(s => s.Key)).Append(TrialSpec.SeedName).ToList();
        var node = trialNode.Entries.First(e => e.Key.Text == "command").Value;
        foreach (var name in CommandTemplate.References(trial.Target))
        {
            if (known.Contains(name) || !CommandTemplate.LooksLikeParameter(name)) continue;
            var suggestion = KeySuggester.Closest(name, known);
            d.Add(node, "trial.command", $"${{{name}}} names no parameter or trial setting" +
                  (suggestion is null ? "" : $"; did you mean '${{{suggestion}}}'?") + " (environment variables: write them in upper case)");
        }
    }

    /// <summary>Re-evaluation runs a configuration on seeds of its own choosing: a fixed or searched seed would defeat it.</summary>
    private static void CheckSeedIsFree(Dictionary<string, SpecScalar> parameters, Dictionary<string, SpecScalar> settings, SpecDiagnostics d)
    {
        if (parameters.TryGetValue(TrialSpec.SeedName, out var p))
            d.Add(p, "parameters.seed", "is searched, but budget.reevaluate chooses each trial's seed; remove one of them");
        if (settings.TryGetValue(TrialSpec.SeedName, out var s))
            d.Add(s, "trial.seed", "is fixed, but budget.reevaluate chooses each trial's seed; remove one of them");
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.-]{0,62}$")]
    private static partial Regex NamePattern();
}
