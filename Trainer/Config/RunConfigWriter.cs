using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using Sweep.Contracts.Config;

namespace Sweep.Trainer.Config;

/// <summary>
/// Writes a resolved config with every key (registry order, dotted keys, typed values) and the provenance block.
/// Both forms load back through <see cref="RunConfigLoader"/> to the same <see cref="RunConfig.Hash"/>.
/// </summary>
public static class RunConfigWriter
{
    public static string ToJson(RunConfig config)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var key in ConfigKeys.All)
            {
                switch (config.Values[key.Name])
                {
                    case int i: w.WriteNumber(key.Name, i); break;
                    case double d: w.WriteNumber(key.Name, d); break;
                    case bool b: w.WriteBoolean(key.Name, b); break;
                    case var o: w.WriteString(key.Name, o.ToString()); break;
                }
            }
            if (!config.Provenance.IsEmpty)
            {
                w.WriteStartObject(YamlConfigReader.ProvenanceKey);
                foreach (var (k, v) in config.Provenance) w.WriteString(k, v);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToYaml(RunConfig config)
    {
        var text = new StringBuilder();
        foreach (var key in ConfigKeys.All)
        {
            var v = config.Values[key.Name];
            // Strings in JSON quoting are valid YAML and never turn into numbers or bools on the way back.
            text.Append(key.Name).Append(": ").Append(v is string s ? JsonSerializer.Serialize(s) : ConfigValueParser.Format(v)).Append('\n');
        }
        if (!config.Provenance.IsEmpty)
        {
            text.Append(YamlConfigReader.ProvenanceKey).Append(":\n");
            foreach (var (k, v) in config.Provenance) text.Append("  ").Append(k).Append(": ").Append(JsonSerializer.Serialize(v)).Append('\n');
        }
        return text.ToString();
    }
}
