using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sweep.Grains.Sweeps;

/// <summary>External parameter and setting values as text: JSON for output and SWEEP_PARAMS, plain for --set.</summary>
public static class ParamText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The value as a JSON literal: <c>0.01</c>, <c>4</c>, <c>"adam"</c>, <c>true</c>, <c>null</c>, <c>[1,2]</c>.</summary>
    public static string Json(object? value) => Write(w => WriteValue(w, value));

    /// <summary>Name/value pairs as one JSON object, in the given order (what SWEEP_PARAMS holds).</summary>
    public static string JsonObject(IEnumerable<KeyValuePair<string, object?>> pairs) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (name, value) in pairs)
        {
            w.WritePropertyName(name);
            WriteValue(w, value);
        }
        w.WriteEndObject();
    });

    /// <summary>The value as a <c>--set key=value</c> right-hand side (strings unquoted, lists as JSON).</summary>
    public static string Plain(object? value) => value switch
    {
        string s => s,
        null => "null",
        _ => Json(value),
    };

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options)) body(w);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            // JSON has no NaN or infinity: such a value travels as its text.
            case double d when !double.IsFinite(d): w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case double d: w.WriteNumberValue(d); break;
            case float f: WriteValue(w, (double)f); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case bool b: w.WriteBooleanValue(b); break;
            case string s: w.WriteStringValue(s); break;
            case IEnumerable<object?> list:
                w.WriteStartArray();
                foreach (var item in list) WriteValue(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
