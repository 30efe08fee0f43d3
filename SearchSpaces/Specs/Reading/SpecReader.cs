using System.Text.RegularExpressions;
using Sweep.SearchSpaces.Spaces;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>Reads the top level of a spec and checks the rules that span sections.</summary>
internal static partial class SpecReader
{
    private static readonly string[] Goals = ["minimize", "maximize"];

    public static SweepSpec? Read(SpecNode root, SpecDiagnostics d)
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
        var pruner = PrunerReader.Read(m.Map("pruner"), d);
        var budgetNode = m.Map("budget", required: true);
        var budget = budgetNode is null ? null : BudgetReader.Read(budgetNode, d);
        var parametersNode = m.Map("parameters", required: true);
        var (parameters, parameterKeys) = parametersNode is null ? ([], []) : ParameterReader.Read(parametersNode, d);
        var trialNode = m.Map("trial", required: true);
        var settingKeys = new Dictionary<string, SpecScalar>(StringComparer.Ordinal);
        var trial = trialNode is null ? null : TrialReader.Read(trialNode, d, settingKeys);
        m.RejectUnknown();
        CheckOverlap(parameterKeys, settingKeys, d);
        if (trialNode is not null) CheckMethodParameter(parameters, parameterKeys, trialNode, d);
        if (d.Count > 0 || metric is null || sampler is null || pruner is null || budget is null || trial is null)
            return null;
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
        foreach (var choice in c.Choices.Where(x => x is not string s || !TrialSpec.Methods.Contains(s)))
            d.Add(key, "parameters.method", $"choice {DistributionReader.Show(choice)} is not a method ({string.Join(", ", TrialSpec.Methods)})");
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_.-]{0,62}$")]
    private static partial Regex NamePattern();
}
