using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sweep.SearchSpaces.Spaces;
using Sweep.SearchSpaces;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// Builds one compact response line (without the newline) into a reused buffer. Utf8JsonWriter escapes
/// control characters, so any message stays on one line, and it refuses NaN and infinities.
/// </summary>
internal sealed class ResponseWriter
{
    private static readonly JsonEncodedText Ok = JsonEncodedText.Encode("ok");
    private static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText Impl = JsonEncodedText.Encode("impl");
    private static readonly JsonEncodedText Sampler = JsonEncodedText.Encode("sampler");
    private static readonly JsonEncodedText Pruner = JsonEncodedText.Encode("pruner");
    private static readonly JsonEncodedText Trial = JsonEncodedText.Encode("trial");
    private static readonly JsonEncodedText Params = JsonEncodedText.Encode("params");
    private static readonly JsonEncodedText Prune = JsonEncodedText.Encode("prune");

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;

    // The relaxed encoder writes quotes as \" and keeps non-ASCII text readable; it still escapes control characters.
    public ResponseWriter() =>
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The last response, valid until the next write.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void WriteOk() => Object(j => j.WriteBoolean(Ok, true));

    public void WriteError(string message) => Object(j => j.WriteString(Error, message));

    public void WritePrune(bool prune) => Object(j => j.WriteBoolean(Prune, prune));

    public void WriteInit(string impl, string sampler, string pruner) => Object(j =>
    {
        j.WriteBoolean(Ok, true);
        j.WriteString(Impl, impl);
        j.WriteString(Sampler, sampler);
        j.WriteString(Pruner, pruner);
    });

    /// <summary><c>{"trial":n,"params":{...}}</c> with external values, in space order.</summary>
    public void WriteTrial(SearchSpace space, TrialRecord trial) => Object(j =>
    {
        j.WriteNumber(Trial, trial.Number);
        j.WriteStartObject(Params);
        foreach (var p in space.Parameters)
        {
            if (!trial.Params.TryGetValue(p.Name, out var internalValue)) continue;
            j.WritePropertyName(p.Name);
            switch (p.Distribution.ToExternal(internalValue))
            {
                case null: j.WriteNullValue(); break;
                case long l: j.WriteNumberValue(l); break;
                case double d: j.WriteNumberValue(d); break;
                case string s: j.WriteStringValue(s); break;
                case bool b: j.WriteBooleanValue(b); break;
                case var other: throw new InvalidOperationException($"parameter '{p.Name}' has a value of type {other.GetType().Name}, which JSON cannot carry");
            }
        }
        j.WriteEndObject();
    });

    private void Object(Action<Utf8JsonWriter> body)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        body(_json);
        _json.WriteEndObject();
        _json.Flush();
    }
}
