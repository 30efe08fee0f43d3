using System.Text.Json;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// Typed reads of request fields with errors that name the field and show what was sent. Integers may be
/// written as integral floats (<c>3.0</c>), as PROTOCOL.md allows for int parameters.
/// </summary>
internal static class JsonFields
{
    /// <summary>The field when it is present and not null.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static JsonElement Require(JsonElement obj, string prefix, string name) =>
        obj.TryGetProperty(name, out var value) ? value : throw new ProtocolException($"{prefix}: missing \"{name}\"");

    public static int RequireInt32(JsonElement obj, string prefix, string name) =>
        (int)Integer(Require(obj, prefix, name), prefix, $"\"{name}\"", int.MinValue, int.MaxValue);

    public static int? OptionalInt32(JsonElement obj, string prefix, string name, int min) =>
        TryGet(obj, name, out var v) ? (int)Integer(v, prefix, $"\"{name}\"", min, int.MaxValue) : null;

    public static long RequireInt64(JsonElement obj, string prefix, string name) =>
        Integer(Require(obj, prefix, name), prefix, $"\"{name}\"", long.MinValue, long.MaxValue);

    public static double RequireDouble(JsonElement obj, string prefix, string name) =>
        Number(Require(obj, prefix, name), prefix, $"\"{name}\"");

    public static double? OptionalDouble(JsonElement obj, string prefix, string name) =>
        TryGet(obj, name, out var v) ? Number(v, prefix, $"\"{name}\"") : null;

    public static bool OptionalBool(JsonElement obj, string prefix, string name, bool fallback)
    {
        if (!TryGet(obj, name, out var v)) return fallback;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ProtocolException($"{prefix}: \"{name}\" must be true or false, but got {Describe(v)}"),
        };
    }

    public static string? OptionalString(JsonElement obj, string prefix, string name) =>
        !TryGet(obj, name, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new ProtocolException($"{prefix}: \"{name}\" must be a string, but got {Describe(v)}");

    /// <summary>A finite JSON number (a literal that overflows to infinity, such as 1e400, is rejected).</summary>
    public static double Number(JsonElement v, string prefix, string what)
    {
        if (v.ValueKind != JsonValueKind.Number)
            throw new ProtocolException($"{prefix}: {what} must be a number, but got {Describe(v)}");
        if (!v.TryGetDouble(out var d) || !double.IsFinite(d))
            throw new ProtocolException($"{prefix}: {what} must be a finite number, but got {Describe(v)}");
        return d;
    }

    public static long Integer(JsonElement v, string prefix, string what, long min, long max)
    {
        if (v.ValueKind != JsonValueKind.Number)
            throw new ProtocolException($"{prefix}: {what} must be an integer, but got {Describe(v)}");
        long n;
        if (v.TryGetInt64(out var l)) n = l;
        else if (v.TryGetDouble(out var d) && double.IsFinite(d) && d == Math.Floor(d) && d >= long.MinValue && d < long.MaxValue) n = (long)d;
        else throw new ProtocolException($"{prefix}: {what} must be an integer, but got {Describe(v)}");
        // A lower bound tighter than the type's is a semantic rule (batch >= 1); say just that.
        if (n < min && min != long.MinValue && min != int.MinValue)
            throw new ProtocolException($"{prefix}: {what} must be >= {min}, but got {Describe(v)}");
        if (n < min || n > max)
            throw new ProtocolException($"{prefix}: {what} must be an integer in [{min}, {max}], but got {Describe(v)}");
        return n;
    }

    /// <summary>Scalars as sent (strings keep their quotes, cut at 60 characters); containers by kind.</summary>
    public static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Shorten(v.GetRawText()),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
