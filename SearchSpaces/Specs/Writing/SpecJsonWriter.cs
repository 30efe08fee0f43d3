using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sweep.SearchSpaces.Specs.Writing;

/// <summary>Writes a <see cref="SpecDocument"/> tree as indented JSON.</summary>
public static class SpecJsonWriter
{
    public static string Write(object? tree)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Value(writer, tree);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Value(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            // JSON has no infinity or NaN; a spec never holds one (the loader requires finite numbers).
            case double d: w.WriteNumberValue(d); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                w.WriteStartObject();
                foreach (var (k, x) in map)
                {
                    w.WritePropertyName(k);
                    Value(w, x);
                }
                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var x in list) Value(w, x);
                w.WriteEndArray();
                break;
            default: throw new ArgumentException($"cannot write a {v.GetType().Name} as JSON", nameof(v));
        }
    }
}
