using System.Text.Json;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// The <c>space</c> list of <c>init</c> to a <see cref="SearchSpace"/>. Errors name the entry by index and name;
/// invariant violations reuse the distributions' own messages, so the protocol and the YAML spec say the same.
/// </summary>
internal static class SpaceParser
{
    private static readonly string[] NumericKeys = ["name", "type", "low", "high", "log", "step"];
    private static readonly string[] CategoricalKeys = ["name", "type", "choices"];

    public static SearchSpace Parse(JsonElement init, UnknownKeys unknownKeys)
    {
        var space = JsonFields.Require(init, "init", "space");
        if (space.ValueKind != JsonValueKind.Array)
            throw new ProtocolException($"init: \"space\" must be an array, but got {JsonFields.Describe(space)}");
        if (space.GetArrayLength() == 0)
            throw new ProtocolException("init: \"space\" must contain one or more parameters");

        var parameters = new List<Parameter>();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var entry in space.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
                throw new ProtocolException($"init: space[{i}] must be an object, but got {JsonFields.Describe(entry)}");
            var name = JsonFields.OptionalString(entry, $"init: space[{i}]", "name")
                       ?? throw new ProtocolException($"init: space[{i}]: missing \"name\"");
            if (name.Length == 0) throw new ProtocolException($"init: space[{i}]: \"name\" must not be empty");
            var prefix = $"init: space[{i}] ({name})";
            if (!firstIndex.TryAdd(name, i))
                throw new ProtocolException($"{prefix}: the name is already used by space[{firstIndex[name]}]");
            parameters.Add(new Parameter(name, ParseDistribution(entry, prefix, unknownKeys)));
            i++;
        }
        return new SearchSpace(parameters);
    }

    private static Distribution ParseDistribution(JsonElement entry, string prefix, UnknownKeys unknownKeys)
    {
        var type = JsonFields.OptionalString(entry, prefix, "type") ?? throw new ProtocolException($"{prefix}: missing \"type\"");
        unknownKeys.Check(entry, "space entries", type == "categorical" ? CategoricalKeys : NumericKeys);
        try
        {
            return type switch
            {
                "float" => new FloatDistribution(
                    JsonFields.RequireDouble(entry, prefix, "low"), JsonFields.RequireDouble(entry, prefix, "high"),
                    JsonFields.OptionalBool(entry, prefix, "log", false), JsonFields.OptionalDouble(entry, prefix, "step")),
                "int" => new IntDistribution(
                    JsonFields.RequireInt64(entry, prefix, "low"), JsonFields.RequireInt64(entry, prefix, "high"),
                    JsonFields.OptionalBool(entry, prefix, "log", false),
                    JsonFields.TryGet(entry, "step", out var step) ? JsonFields.Integer(step, prefix, "\"step\"", long.MinValue, long.MaxValue) : 1),
                "categorical" => new CategoricalDistribution(ParseChoices(entry, prefix)),
                _ => throw new ProtocolException($"{prefix}: unknown type \"{type}\"; expected float, int or categorical"),
            };
        }
        catch (ArgumentException e)
        {
            throw new ProtocolException($"{prefix}: {e.Message}");
        }
    }

    private static List<object?> ParseChoices(JsonElement entry, string prefix)
    {
        var choices = JsonFields.Require(entry, prefix, "choices");
        if (choices.ValueKind != JsonValueKind.Array)
            throw new ProtocolException($"{prefix}: \"choices\" must be an array, but got {JsonFields.Describe(choices)}");
        var result = new List<object?>(choices.GetArrayLength());
        var k = 0;
        foreach (var c in choices.EnumerateArray())
        {
            result.Add(c.ValueKind switch
            {
                JsonValueKind.String => c.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                // Integral literals stay long so they go back out as JSON integers (4, not 4.0).
                JsonValueKind.Number when c.TryGetInt64(out var l) => l,
                JsonValueKind.Number => JsonFields.Number(c, prefix, $"choices[{k}]"),
                _ => throw new ProtocolException($"{prefix}: choices[{k}] must be a string, number, bool or null, but got {JsonFields.Describe(c)}"),
            });
            k++;
        }
        return result;
    }
}
