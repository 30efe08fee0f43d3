using System.Globalization;
using System.Text.Json;

namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>
/// Reads and validates one protocol line, for the sweep engine and for tests of any trainer. Strict on purpose:
/// unknown fields, wrong types, accuracies outside [0, 1], duplicate fields and a failed result without
/// <c>error</c> are rejected, so a misspelt metric cannot silently go missing.
/// </summary>
public static class ProtocolParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    public static ProtocolRecord Parse(string line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line, Options);
        }
        catch (JsonException e)
        {
            throw new ProtocolFormatException($"not valid JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ProtocolFormatException($"a protocol line must be a JSON object (got a JSON {Kind(root)})");
            if (!root.TryGetProperty(ProtocolFields.Type, out var type))
                throw new ProtocolFormatException("missing field 'type'");
            var kind = type.ValueKind == JsonValueKind.String ? type.GetString() : null;
            return kind switch
            {
                "progress" => Progress(new Fields(root, "progress", ProtocolFields.Progress)),
                "result" => Result(new Fields(root, "result", ProtocolFields.Result)),
                _ => throw new ProtocolFormatException($"field 'type' must be \"progress\" or \"result\" (got {type.GetRawText()})"),
            };
        }
    }

    /// <summary>Like <see cref="Parse"/>, with the reason instead of an exception.</summary>
    public static bool TryParse(string line, out ProtocolRecord? record, out string? error)
    {
        try
        {
            record = Parse(line);
            error = null;
            return true;
        }
        catch (ProtocolFormatException e)
        {
            (record, error) = (null, e.Message);
            return false;
        }
    }

    private static ProgressRecord Progress(Fields f) => new(
        f.Integer(ProtocolFields.Step, required: true)!.Value, (int)f.Integer(ProtocolFields.Epoch, required: true, max: int.MaxValue)!.Value,
        f.Number(ProtocolFields.Loss), f.Number(ProtocolFields.TrainTop1), f.Number(ProtocolFields.ValTop1),
        f.Number(ProtocolFields.SamplesPerS, nonNegative: true), f.Number(ProtocolFields.Lr, nonNegative: true),
        f.Number(ProtocolFields.ElapsedS, nonNegative: true) ?? 0, f.Text(ProtocolFields.Error));

    private static ResultRecord Result(Fields f)
    {
        if (!f.Root.TryGetProperty(ProtocolFields.Status, out var s))
            throw new ProtocolFormatException("result: missing field 'status'");
        var status = s.ValueKind == JsonValueKind.String && s.GetString() is "complete" or "failed" or "cancelled"
            ? Enum.Parse<ResultStatus>(s.GetString()!, ignoreCase: true)
            : throw new ProtocolFormatException($"result: field 'status' must be one of complete, failed, cancelled (got {s.GetRawText()})");
        var error = f.Text(ProtocolFields.Error);
        if (status == ResultStatus.Failed && string.IsNullOrWhiteSpace(error))
            throw new ProtocolFormatException("result: status failed needs a non-empty 'error'");
        var bestEpoch = f.Integer(ProtocolFields.BestEpoch, max: int.MaxValue);
        return new(status, f.Number(ProtocolFields.ValTop1), f.Number(ProtocolFields.BestValTop1), (int?)bestEpoch,
                   f.Integer(ProtocolFields.Params), f.Number(ProtocolFields.SopsPerSample, nonNegative: true),
                   f.Number(ProtocolFields.ValRgbTop1), error);
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    /// <summary>Typed access to one record's fields, each error prefixed with the record type and field.</summary>
    private sealed class Fields
    {
        private readonly string _type;

        public Fields(JsonElement root, string type, IReadOnlyList<string> allowed)
        {
            (Root, _type) = (root, type);
            foreach (var p in root.EnumerateObject())
                if (!allowed.Contains(p.Name))
                    throw new ProtocolFormatException($"{type}: unknown field '{p.Name}' (allowed: {string.Join(", ", allowed)})");
        }

        public JsonElement Root { get; }

        public long? Integer(string name, bool required = false, long max = long.MaxValue)
        {
            if (!Present(name, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n < 0 || n > max)
                throw Bad(name, "a non-negative integer", v);
            return n;
        }

        public double? Number(string name, bool nonNegative = false)
        {
            if (!Present(name, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number) throw Bad(name, Expect(name, nonNegative), v);
            var d = v.GetDouble();
            if ((ProtocolFields.Fractions.Contains(name) && d is < 0 or > 1) || (nonNegative && d < 0))
                throw Bad(name, Expect(name, nonNegative), v);
            return d;
        }

        public string? Text(string name)
        {
            if (!Present(name, false, out var v)) return null;
            return v.ValueKind == JsonValueKind.String ? v.GetString() : throw Bad(name, "a string", v);
        }

        private bool Present(string name, bool required, out JsonElement value)
        {
            if (Root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null) return true;
            if (required) throw new ProtocolFormatException($"{_type}: missing field '{name}'");
            return false;
        }

        private static string Expect(string name, bool nonNegative) =>
            ProtocolFields.Fractions.Contains(name) ? "a fraction in [0, 1]" : nonNegative ? "a non-negative number" : "a number";

        private ProtocolFormatException Bad(string name, string expected, JsonElement v) =>
            new($"{_type}: field '{name}' must be {expected} or null (got {v.GetRawText().ToString(CultureInfo.InvariantCulture)})");
    }
}
