using System.Collections.Immutable;
using System.Globalization;
using Sweep.Contracts.Config;
using Sweep.Contracts.Text;
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
            if (Parse(key, setting.Value, baseDirectory, out var error) is { } value)
                settings.Add(setting with { Value = value });
            else d.Add(node, path, error!);
        }
        foreach (var p in parameters)
        {
            var node = parameterKeys[p.Name];
            var path = $"parameters.{p.Name}";
            if (p.Name == "method" || Find(p.Name, node, path, d) is not { } key) continue;
            foreach (var problem in Problems(key, p.Distribution))
                d.Add(node, path, problem);
        }
        return trial with { Settings = settings.ToImmutable() };
    }

    private static ConfigKey? Find(string name, SpecScalar node, string path, SpecDiagnostics d)
    {
        if (ConfigKeys.Find(name) is { } key) return key;
        var suggestion = ConfigKeys.Suggest(name);
        d.Add(node, path, "is not a run-config key of sweep train" +
              (suggestion is null ? " (see `sweep train --list-keys`)" : $"; did you mean '{suggestion}'?"));
        return null;
    }

    /// <summary>What a distribution can propose that the key would refuse.</summary>
    private static IEnumerable<string> Problems(ConfigKey key, Distribution distribution)
    {
        switch (distribution)
        {
            case CategoricalDistribution c:
                foreach (var choice in c.Choices)
                    if (Parse(key, choice, null, out var error) is null) yield return $"choice {Text(choice)}: {error}";
                break;
            case IntDistribution i when key.Kind is ConfigValueKind.Int or ConfigValueKind.Number:
                foreach (var bound in new[] { ("low", (object)i.Low), ("high", i.High) })
                    if (Parse(key, bound.Item2, null, out var error) is null) yield return $"{bound.Item1}: {error}";
                break;
            case FloatDistribution f when key.Kind == ConfigValueKind.Number:
                foreach (var bound in new[] { ("low", (object)f.Low), ("high", f.High) })
                    if (Parse(key, bound.Item2, null, out var error) is null) yield return $"{bound.Item1}: {error}";
                break;
            case FloatDistribution when key.Kind == ConfigValueKind.Int:
                yield return $"must be type int: {key.Name} is {key.Expectation}";
                break;
            default:
                yield return $"must be type categorical: {key.Name} is {key.Expectation}";
                break;
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
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => "null",
        _ => value.ToString() ?? "",
    };
}
