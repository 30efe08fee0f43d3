using System.Text.Json;

namespace Sweep.Orchestrator.Execution;

/// <summary>
/// Lenient reader of a user program's stdout. Unlike <c>ProtocolParser</c> it accepts unknown fields, because
/// <c>metric.name</c> may pick any numeric field ("value", "val_top1", "loss"). One instance per process:
/// it counts lines and rejects output after the result.
/// </summary>
public sealed class TrialLineReader
{
    private bool _sawResult;

    /// <summary>Physical lines read so far, blank ones included.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The parsed line, or null for a blank line.</summary>
    /// <exception cref="TrialLineException">The line is not a protocol record or follows the result.</exception>
    public TrialLine? Read(string line)
    {
        var number = ++LineNumber;
        if (string.IsNullOrWhiteSpace(line)) return null;
        if (_sawResult) throw Error(number, "output after the result line", line);
        var parsed = Parse(line, number);
        _sawResult = parsed is TrialResult;
        return parsed;
    }

    /// <summary>Parses one non-blank line; <paramref name="lineNumber"/> only goes into error messages.</summary>
    public static TrialLine Parse(string line, int lineNumber)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            throw Error(lineNumber, "not JSON", line);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Error(lineNumber, $"expected a JSON object, got {Kind(root)}", line);
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                // JSON allows duplicates; a second "step" or metric would be ambiguous.
                if (!seen.Add(p.Name))
                    throw Error(lineNumber, $"duplicate field \"{p.Name}\"", line);
                if (p.Value.ValueKind != JsonValueKind.Number) continue;
                // Overflow like 1e400 parses as infinity; the engine must never see it.
                if (!p.Value.TryGetDouble(out var d) || !double.IsFinite(d))
                    throw Error(lineNumber, $"\"{p.Name}\" is out of range: {p.Value.GetRawText()}", line);
                metrics[p.Name] = d;
            }
            if (!root.TryGetProperty("type", out var type))
                throw Error(lineNumber, "missing \"type\"", line);
            return (type.ValueKind == JsonValueKind.String ? type.GetString() : null) switch
            {
                "progress" => new TrialProgress(Step(root, lineNumber, line), metrics),
                "result" => Result(root, metrics, lineNumber, line),
                _ => throw Error(lineNumber, $"\"type\" must be \"progress\" or \"result\", got {type.GetRawText()}", line),
            };
        }
    }

    private static long Step(JsonElement root, int lineNumber, string line)
    {
        var name = "step";
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            name = "epoch";
            if (!root.TryGetProperty(name, out v) || v.ValueKind == JsonValueKind.Null)
                throw Error(lineNumber, "progress needs \"step\" (or \"epoch\")", line);
        }
        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt64(out var n) && n >= 0) return n;
            // Python's json.dumps writes 3.0 for a float epoch; an integral value is still a step.
            if (v.TryGetDouble(out var d) && d >= 0 && d < long.MaxValue && Math.Floor(d) == d) return (long)d;
        }
        throw Error(lineNumber, $"\"{name}\" must be an integer >= 0, got {v.GetRawText()}", line);
    }

    private static TrialResult Result(JsonElement root, Dictionary<string, double> metrics, int lineNumber, string line)
    {
        if (!root.TryGetProperty("status", out var s))
            throw Error(lineNumber, "result needs \"status\"", line);
        var status = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (status is not (TrialResult.Complete or TrialResult.Failed))
            throw Error(lineNumber, $"\"status\" must be \"complete\" or \"failed\", got {s.GetRawText()}", line);
        string? error = null;
        if (root.TryGetProperty("error", out var e) && e.ValueKind != JsonValueKind.Null)
            error = e.ValueKind == JsonValueKind.String ? e.GetString() : throw Error(lineNumber, $"\"error\" must be a string, got {e.GetRawText()}", line);
        return new TrialResult(status, metrics, error);
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static TrialLineException Error(int lineNumber, string reason, string line) =>
        TrialLineException.ForLine(lineNumber, reason, line);
}
