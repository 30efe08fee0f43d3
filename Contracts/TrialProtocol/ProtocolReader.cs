using System.Text.Json;

namespace Sweep.Contracts.TrialProtocol;

/// <summary>
/// The one reader of the trial protocol, in two strictnesses over the same rules:
/// <list type="bullet">
/// <item><see cref="Tolerant"/>, how the engine reads any program's stdout: only a JSON object with a <c>type</c>
/// field is a protocol line; prints, progress bars and other JSON are ordinary output (null). Any numeric field is a
/// metric, because <c>metric.name</c> may pick any ("value", "val_top1", "loss").</item>
/// <item><see cref="Strict"/>, how tests check our own trainer: every non-blank line must be a protocol line with only
/// our trainer's fields (<see cref="ProtocolFields"/>), typed and in range, so a misspelt metric cannot go missing.</item>
/// </list>
/// Both reject duplicate fields, a bad <c>type</c> or <c>status</c>, negative or fractional counters, non-finite
/// numbers, accuracies outside [0, 1], and a protocol line after the result. An instance reads one stream: it counts
/// lines and places every error at its line.
/// </summary>
public sealed class ProtocolReader
{
    private readonly bool _strict;
    private bool _sawResult;

    private ProtocolReader(bool strict) => _strict = strict;

    /// <summary>A reader for a user's program: ordinary output is allowed between protocol lines.</summary>
    public static ProtocolReader Tolerant() => new(strict: false);

    /// <summary>A reader for our own trainer: every line is a protocol line of known fields.</summary>
    public static ProtocolReader Strict() => new(strict: true);

    /// <summary>Physical lines read so far, blank ones included.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The record of one line; null for a blank line and, when tolerant, for ordinary output.</summary>
    /// <exception cref="ProtocolFormatException">The line breaks the protocol; the message names the line and quotes it.</exception>
    public ProtocolRecord? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var number = ++LineNumber;
        if (string.IsNullOrWhiteSpace(line)) return null;
        ProtocolRecord? record;
        try
        {
            record = Parse(line, _strict);
        }
        catch (ProtocolFormatException e)
        {
            throw ProtocolFormatException.AtLine(number, e.Reason, line);
        }
        if (record is null) return null;
        if (_sawResult) throw ProtocolFormatException.AtLine(number, "a protocol line after the result line", line);
        _sawResult = record is ResultRecord;
        return record;
    }

    /// <summary>One line of our trainer's output, checked strictly.</summary>
    /// <exception cref="ProtocolFormatException">The line breaks the protocol.</exception>
    public static ProtocolRecord ParseStrict(string line) => Parse(line, strict: true)!;

    private static ProtocolRecord? Parse(string line, bool strict)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return strict ? throw new ProtocolFormatException($"not valid JSON: {e.Message}") : null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return strict ? throw new ProtocolFormatException($"a protocol line must be a JSON object (got a JSON {Kind(root)})") : null;
            if (!root.TryGetProperty(ProtocolFields.Type, out var type))
                return strict ? throw new ProtocolFormatException("missing field 'type'") : null;
            var kind = type.ValueKind == JsonValueKind.String ? type.GetString() : null;
            var fields = kind switch
            {
                "progress" => new Fields(root, kind, strict ? ProtocolFields.Progress : null),
                "result" => new Fields(root, kind, strict ? ProtocolFields.Result : null),
                _ => throw new ProtocolFormatException($"field 'type' must be \"progress\" or \"result\" (got {type.GetRawText()})"),
            };
            return kind == "progress" ? Progress(fields, strict) : Result(fields, strict);
        }
    }

    private static ProgressRecord Progress(Fields f, bool strict)
    {
        var step = f.Counter(ProtocolFields.Step, required: strict, wholeFloats: !strict);
        var epoch = f.Counter(ProtocolFields.Epoch, required: strict, wholeFloats: !strict);
        if (step is null && epoch is null) throw new ProtocolFormatException("progress: needs 'step' or 'epoch' (a whole number >= 0)");
        return new ProgressRecord(step, epoch, f.Metrics(), f.Text(ProtocolFields.Error));
    }

    private static ResultRecord Result(Fields f, bool strict)
    {
        if (!f.Root.TryGetProperty(ProtocolFields.Status, out var s))
            throw new ProtocolFormatException("result: missing field 'status'");
        var text = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (ResultRecord.Statuses.Where(st => ProtocolFields.StatusText(st) == text).ToList() is not [var status])
            throw new ProtocolFormatException($"result: field 'status' must be one of complete, failed, cancelled (got {s.GetRawText()})");
        var error = f.Text(ProtocolFields.Error);
        if (strict && status == TrialState.Failed && string.IsNullOrWhiteSpace(error))
            throw new ProtocolFormatException("result: status failed needs a non-empty 'error'");
        return new ResultRecord(status, f.Metrics(), error);
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var k => k.ToString().ToLowerInvariant(),
    };

    /// <summary>One record's fields: checked for duplicates (and, strictly, for unknown names) up front.</summary>
    private sealed class Fields
    {
        private readonly string _type;
        private readonly bool _strict;

        public Fields(JsonElement root, string type, IReadOnlyList<string>? allowed)
        {
            (Root, _type, _strict) = (root, type, allowed is not null);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in root.EnumerateObject())
            {
                // JSON allows duplicates; a second "step" or metric would be ambiguous.
                if (!seen.Add(p.Name)) throw new ProtocolFormatException($"{type}: duplicate field '{p.Name}'");
                if (allowed is not null && !allowed.Contains(p.Name))
                    throw new ProtocolFormatException($"{type}: unknown field '{p.Name}' (allowed: {string.Join(", ", allowed)})");
            }
        }

        public JsonElement Root { get; }

        /// <summary>A step or epoch: a whole number >= 0 (3.0 too when <paramref name="wholeFloats"/>, as Python's json writes a float epoch).</summary>
        public long? Counter(string name, bool required, bool wholeFloats)
        {
            if (!Root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return required ? throw new ProtocolFormatException($"{_type}: missing field '{name}'") : null;
            if (v.ValueKind == JsonValueKind.Number)
            {
                if (v.TryGetInt64(out var n) && n >= 0) return n;
                if (wholeFloats && v.TryGetDouble(out var d) && d >= 0 && d < long.MaxValue && Math.Floor(d) == d) return (long)d;
            }
            throw Bad(name, "a whole number >= 0", v);
        }

        /// <summary>Every numeric or null field but the counters, checked by name (fractions, and strictly our trainer's rules).</summary>
        public Dictionary<string, double?> Metrics()
        {
            var metrics = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (var p in Root.EnumerateObject())
            {
                if (p.Name is ProtocolFields.Type or ProtocolFields.Status or ProtocolFields.Error or ProtocolFields.Step or ProtocolFields.Epoch)
                    continue;
                var v = p.Value;
                if (v.ValueKind == JsonValueKind.Null)
                {
                    metrics[p.Name] = null;
                    continue;
                }
                if (v.ValueKind != JsonValueKind.Number)
                {
                    if (_strict) throw Bad(p.Name, Expect(p.Name), v);
                    continue;   // a string or a list a program adds for its own reasons
                }
                // Overflow like 1e400 parses as infinity; the engine must never see it.
                if (!v.TryGetDouble(out var d) || !double.IsFinite(d)) throw Bad(p.Name, "a finite number", v);
                if (ProtocolFields.Fractions.Contains(p.Name) && d is < 0 or > 1) throw Bad(p.Name, Expect(p.Name), v);
                if (_strict && ProtocolFields.NonNegative.Contains(p.Name) && (d < 0 || ProtocolFields.Integers.Contains(p.Name) && Math.Floor(d) != d))
                    throw Bad(p.Name, Expect(p.Name), v);
                metrics[p.Name] = d;
            }
            return metrics;
        }

        public string? Text(string name)
        {
            if (!Root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            return v.ValueKind == JsonValueKind.String ? v.GetString() : throw Bad(name, "a string", v);
        }

        private static string Expect(string name) =>
            ProtocolFields.Fractions.Contains(name) ? "a fraction in [0, 1]"
            : ProtocolFields.Integers.Contains(name) ? "a whole number >= 0"
            : ProtocolFields.NonNegative.Contains(name) ? "a number >= 0"
            : "a number";

        private ProtocolFormatException Bad(string name, string expected, JsonElement v) =>
            new($"{_type}: field '{name}' must be {expected} or null (got {Truncate(v.GetRawText())})");

        private static string Truncate(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
