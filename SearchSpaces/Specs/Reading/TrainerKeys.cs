using System.Collections.Immutable;
using System.Globalization;
using Sweep.Contracts.Config;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;
using Sweep.SearchSpaces.Specs.Nodes;

namespace Sweep.SearchSpaces.Specs.Reading;

/// <summary>
/// Checks a <c>trial.method</c> sweep against the trainer's key registry before anything runs: every fixed setting
/// and every parameter must be a run-config key, every fixed value and choice must parse as that key's type, and a
/// numeric range must lie inside the key's range. Otherwise each trial would fail at start with the same error.
/// </summary>
internal static class TrainerKeys
{
    /// <summary>Keys the engine sets for each trial itself.</summary>
    private static readonly ImmutableArray<string> EngineOwned = ["outDir", "checkpointDir"];

    /// <summary>A sweep ranks on val; the test split is kept back for the final <c>sweep train</c>, so no trial may see it.</summary>
    private const string TestSplitKey = "dataset.evalSplit";

    private const string TestSplitProblem =
        "cannot be test in a sweep: trials are ranked on val, and the test split is for the final `sweep train --set dataset.evalSplit=test`";

    /// <summary>The trial with its relative path settings made absolute (from the spec's folder), after reporting every problem.</summary>
    public static TrialSpec Check(TrialSpec trial, List<Parameter> parameters, Dictionary<string, SpecScalar> parameterKeys,
                                  Dictionary<string, SpecScalar> settingKeys, SpecDiagnostics d, string? baseDirectory)
    {
        var settings = ImmutableArray.CreateBuilder<TrialSetting>(trial.Settings.Length);
        foreach (var setting in trial.Settings)
        {
            var node = settingKeys[setting.Key];
            var path = $"trial.{setting.Key}";
            if (Find(setting.Key, node, path, d) is not { } key)
                continue;
            if (EngineOwned.Contains(key.Name))
            {
                d.Add(node, path, "is set by the engine for each trial (its own folder under the home); remove it");
                continue;
            }
            if (key.Name == TestSplitKey && Text(setting.Value) != "val")
            {
                d.Add(node, path, TestSplitProblem);
                continue;
            }
            if (Parse(key, setting.Value, baseDirectory, out _) is { } value)
                settings.Add(setting with { Value = value });
            else d.Add(node, path, $"must be {key.Expectation} (got {(setting.Value is ImmutableArray<object?> ? "a list" : Text(setting.Value))})");
        }
        foreach (var p in parameters)
        {
            var node = parameterKeys[p.Name];
            var path = $"parameters.{p.Name}";
            if (p.Name == "method" || Find(p.Name, node, path, d) is not { } key) continue;
            if (key.Name == TestSplitKey)
            {
                d.Add(node, path, TestSplitProblem);
                continue;
            }
            foreach (var (where, problem) in Problems(key, p.Distribution))
                d.Add(node, path + where, problem);
        }
        return trial with { Settings = settings.ToImmutable() };
    }

    private static ConfigKey? Find(string name, SpecScalar node, string path, SpecDiagnostics d)
    {
        if (ConfigKeys.Find(name) is { } key) return key;
        var suggestion = ConfigKeys.Suggest(name);
        d.Add(node, path, "is not a run-config key of sweep train" +
              (suggestion is null ? " (`sweep train --list-keys` lists them)" : $"; did you mean '{suggestion}'?"));
        return null;
    }

    /// <summary>What a distribution can propose that the key would refuse: (path suffix, message).</summary>
    private static IEnumerable<(string Where, string Problem)> Problems(ConfigKey key, Distribution distribution)
    {
        object[] values = distribution switch
        {
            CategoricalDistribution c => [.. c.Choices.Select(x => x ?? "null")],
            IntDistribution i when key.Kind is ConfigValueKind.Int or ConfigValueKind.Number => [i.Low, i.High],
            FloatDistribution f when key.Kind == ConfigValueKind.Number => [f.Low, f.High],
            _ => [],
        };
        if (values.Length == 0)
        {
            yield return ("", $"must be type {(key.Kind == ConfigValueKind.Int ? "int" : "categorical")}: sweep train's {key.Name} is {key.Expectation}");
            yield break;
        }
        for (var n = 0; n < values.Length; n++)
        {
            if (Parse(key, values[n], null, out _) is not null) continue;
            var where = distribution is CategoricalDistribution ? $".choices[{n}]" : n == 0 ? ".low" : ".high";
            yield return (where, $"must be {key.Expectation} for sweep train's {key.Name} (got {Text(values[n])})");
        }
    }

    private static object? Parse(ConfigKey key, object? value, string? baseDirectory, out string? error)
    {
        if (value is ImmutableArray<object?>)
        {
            error = $"expected {key.Expectation} (got a list)";
            return null;
        }
        var parsed = ConfigValueParser.Parse(key, Text(value), baseDirectory, out error);
        // The trainer reads the same text again: keep the spec's own value unless a path was made absolute.
        return parsed is null ? null : key.Kind == ConfigValueKind.Path ? parsed : value;
    }

    private static string Text(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        double x => Values.Format(x),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => "null",
        _ => value.ToString() ?? "",
    };
}
