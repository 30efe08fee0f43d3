using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Output;

/// <summary>Writes a JSON tree as block YAML (scalars as JSON literals, which YAML 1.2 reads back unchanged).</summary>
public static class YamlEmitter
{
    public static string Emit(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0, false);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, int indent, bool inline)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                var first = true;
                foreach (var (k, v) in o)
                {
                    if (!(inline && first)) sb.Append(pad);
                    first = false;
                    sb.Append(Key(k)).Append(':');
                    if (v is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        sb.Append('\n');
                        Write(sb, v, indent + 2, false);
                    }
                    else sb.Append(' ').Append(Scalar(v)).Append('\n');
                }
                break;
            case JsonArray a when a.Count > 0:
                foreach (var v in a)
                {
                    sb.Append(pad).Append("- ");
                    if (v is JsonObject { Count: > 0 }) Write(sb, v, indent + 2, true);
                    else if (v is JsonArray { Count: > 0 }) { sb.Append('\n'); Write(sb, v, indent + 2, false); }
                    else sb.Append(Scalar(v)).Append('\n');
                }
                break;
            default:
                sb.Append(pad).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static string Key(string k) => k.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.') && k.Length > 0 ? k : JsonSerializer.Serialize(k);

    private static string Scalar(JsonNode? v) => v switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        _ => v.ToJsonString(Relaxed),
    };

    /// <summary>Only what JSON requires is escaped (a version's '+' stays '+'); YAML reads the rest as is.</summary>
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
