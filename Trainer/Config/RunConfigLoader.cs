using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sweep.Contracts.Config;

namespace Sweep.Trainer.Config;

/// <summary>
/// Resolves a run config: defaults, then the YAML file, then <c>SWEEP_PARAMS</c> (a JSON object a sweep engine
/// sets), then each <c>--set key=value</c> in order; later sources win. Every error from every source is collected
/// and thrown together as a <see cref="ConfigException"/>.
/// </summary>
public static class RunConfigLoader
{
    public const string SweepParamsVariable = "SWEEP_PARAMS";
    public const string SetSource = "--set";

    public static RunConfig Load(string? path, IReadOnlyList<string> sets, string? sweepParams = null)
    {
        var errors = new List<ConfigError>();
        var values = ConfigKeys.All.ToDictionary(k => k.Name, k => k.Default, StringComparer.Ordinal);
        var provenance = ImmutableSortedDictionary<string, string>.Empty;
        if (path is not null)
        {
            string? text = null;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                errors.Add(new(path, null, null, "", "config file not found"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new(path, null, null, "", $"cannot read the config file: {e.Message}"));
            }
            if (text is not null)
            {
                var (entries, p) = YamlConfigReader.Read(path, text, errors);
                provenance = p;
                var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                foreach (var e in entries)
                    Apply(e.Key, e.Text, e.Shape, folder, values, errors,
                          unknownAt: (path, e.KeyLine, e.KeyColumn), valueAt: (path, e.Line, e.Column));
            }
        }
        if (!string.IsNullOrWhiteSpace(sweepParams))
            foreach (var (key, text, shape) in SweepParams(sweepParams, errors))
                Apply(key, text, shape, null, values, errors, (SweepParamsVariable, null, null), (SweepParamsVariable, null, null));
        foreach (var set in sets)
        {
            var eq = set.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add(new(SetSource, null, null, "", $"expected key=value (got '{set}')"));
                continue;
            }
            Apply(set[..eq].Trim(), set[(eq + 1)..], "", null, values, errors, (SetSource, null, null), (SetSource, null, null));
        }
        if (errors.Count == 0) CrossChecks(values, errors);
        if (errors.Count > 0) throw new ConfigException(errors);
        return new RunConfig(values.ToImmutableDictionary(StringComparer.Ordinal), provenance);
    }

    private static void Apply(string key, string? text, string shape, string? folder, Dictionary<string, object> values,
                              List<ConfigError> errors, (string, int?, int?) unknownAt, (string, int?, int?) valueAt)
    {
        var known = ConfigKeys.Find(key);
        if (known is null)
        {
            var suggestion = ConfigKeys.Suggest(key);
            errors.Add(new(unknownAt.Item1, unknownAt.Item2, unknownAt.Item3, key,
                           suggestion is null ? "unknown key" : $"unknown key; did you mean '{suggestion}'?"));
            return;
        }
        if (text is null)
        {
            errors.Add(new(valueAt.Item1, valueAt.Item2, valueAt.Item3, key,
                           shape == "no value" ? "has no value; remove the key or give it one" : $"expected {known.Expectation} (got {shape})"));
            return;
        }
        var value = ConfigValueParser.Parse(known, text, folder, out var error);
        if (value is null) errors.Add(new(valueAt.Item1, valueAt.Item2, valueAt.Item3, key, error!));
        else values[known.Name] = value;
    }

    /// <summary>SWEEP_PARAMS entries as (key, text, shape); nested objects flatten to dotted keys like YAML maps.</summary>
    private static List<(string Key, string? Text, string Shape)> SweepParams(string json, List<ConfigError> errors)
    {
        var result = new List<(string, string?, string)>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                errors.Add(new(SweepParamsVariable, null, null, "", $"must be a JSON object of parameters (got a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()})"));
            else Flatten(doc.RootElement, "", result);
        }
        catch (JsonException e)
        {
            errors.Add(new(SweepParamsVariable, null, null, "", $"is not valid JSON: {e.Message}"));
        }
        return result;
    }

    private static void Flatten(JsonElement obj, string prefix, List<(string, string?, string)> result)
    {
        foreach (var p in obj.EnumerateObject())
        {
            var key = prefix + p.Name;
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Object: Flatten(p.Value, key + ".", result); break;
                case JsonValueKind.String: result.Add((key, p.Value.GetString(), "")); break;
                case JsonValueKind.Number: result.Add((key, p.Value.GetRawText(), "")); break;
                case JsonValueKind.True or JsonValueKind.False: result.Add((key, p.Value.GetBoolean() ? "true" : "false", "")); break;
                case JsonValueKind.Null: result.Add((key, null, "no value")); break;
                default: result.Add((key, null, "a list")); break;
            }
        }
    }

    /// <summary>Rules between keys; reported against the pseudo-source <c>config</c> since no single place is wrong.</summary>
    private static void CrossChecks(Dictionary<string, object> v, List<ConfigError> errors)
    {
        if ((double)v["ckd.switchEnd"] < (double)v["ckd.switchStart"])
            errors.Add(new("config", null, null, "ckd.switchEnd",
                           $"must be >= ckd.switchStart (got switchStart={F(v["ckd.switchStart"])}, switchEnd={F(v["ckd.switchEnd"])})"));
        var ann = (string)v["method"] == "ann";
        var annModel = ((string)v["model"]).StartsWith("ann-", StringComparison.Ordinal);
        if (ann != annModel)
            errors.Add(new("config", null, null, "model",
                           ann ? $"method ann needs model ann-resnet18 or ann-cnn (got '{v["model"]}')" : $"{v["model"]} is only for method ann (got method '{v["method"]}')"));
        if ((string)v["method"] == "ckd" && string.IsNullOrWhiteSpace((string)v["ckd.teacher"]))
            errors.Add(new("config", null, null, "ckd.teacher", AnnTeacherMissing));
        if ((string)v["dataset.evalSplit"] == "test" && (double)v["dataset.testFraction"] == 0)
            errors.Add(new("config", null, null, "dataset.evalSplit",
                           "test needs dataset.testFraction above 0 (no test split is kept back; e.g. --set dataset.testFraction=0.5)"));
        if ((int)v["warmupEpochs"] > (int)v["epochs"])
            errors.Add(new("config", null, null, "warmupEpochs", $"must be <= epochs (got warmupEpochs={v["warmupEpochs"]}, epochs={v["epochs"]})"));
    }

    /// <summary>Why a ckd run without <c>ckd.teacher</c> cannot start; the method says the same for derived configs.</summary>
    public const string AnnTeacherMissing =
        "method ckd needs the ANN teacher's checkpoint: train one with method ann, then set ckd.teacher to its checkpoints folder";

    private static string F(object v) => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
}
