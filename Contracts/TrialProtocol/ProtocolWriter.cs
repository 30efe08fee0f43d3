using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;

namespace Sweep.Contracts.TrialProtocol;

/// <summary>
/// The one writer of protocol lines: compact JSON, flushed per line, so a reader sees each at once. Known fields come
/// in <see cref="ProtocolFields"/> order, other metrics after them by name. Non-finite numbers become null with the
/// reason in <c>error</c>; an accuracy outside [0, 1] (a percentage, say) is a bug and throws before anything is
/// written. Exactly one result line: a second <see cref="WriteResult"/> throws. Thread-safe.
/// </summary>
public sealed class ProtocolWriter(TextWriter output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _gate = new();

    /// <summary>True once the result line is out; the run must write nothing after it.</summary>
    public bool ResultWritten { get; private set; }

    public void WriteProgress(ProgressRecord p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Step is null && p.Epoch is null) throw new ArgumentException("a progress line needs a step, an epoch or both", nameof(p));
        Emit(p, result: false, (w, notes) =>
        {
            if (p.Step is { } step) w.WriteNumber(ProtocolFields.Step, step);
            if (p.Epoch is { } epoch) w.WriteNumber(ProtocolFields.Epoch, epoch);
            WriteMetrics(w, p.Metrics, ProtocolFields.Progress, notes);
            if (Join(p.Error, notes) is { } error) w.WriteString(ProtocolFields.Error, error);
        });
    }

    public void WriteResult(ResultRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var status = ProtocolFields.StatusText(r.Status);
        Emit(r, result: true, (w, notes) =>
        {
            w.WriteString(ProtocolFields.Status, status);
            WriteMetrics(w, r.Metrics, ProtocolFields.Result, notes);
            if (Join(r.Error, notes) is { } error) w.WriteString(ProtocolFields.Error, error); else w.WriteNull(ProtocolFields.Error);
        });
    }

    private void Emit(ProtocolRecord record, bool result, Action<Utf8JsonWriter, List<string>> body)
    {
        CheckFractions(record);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString(ProtocolFields.Type, record.Type);
            body(w, []);
            w.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            if (ResultWritten) throw new InvalidOperationException("the result line was already written; nothing may follow it");
            output.Write(line + "\n");
            output.Flush();
            ResultWritten = result;
        }
    }

    private static void CheckFractions(ProtocolRecord record)
    {
        foreach (var (name, value) in record.Metrics)
            if (ProtocolFields.Fractions.Contains(name) && value is { } v && double.IsFinite(v) && v is < 0 or > 1)
                throw new ArgumentOutOfRangeException(name, v, $"{name} must be a fraction in [0, 1] (got {v.ToString("R", CultureInfo.InvariantCulture)})");
    }

    private static void WriteMetrics(Utf8JsonWriter w, IReadOnlyDictionary<string, double?> metrics, IReadOnlyList<string> order, List<string> notes)
    {
        foreach (var name in order)
            if (metrics.TryGetValue(name, out var value)) Number(w, name, value, notes);
        foreach (var (name, value) in metrics.Where(kv => !order.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            Number(w, name, value, notes);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value, List<string> notes)
    {
        if (value is not { } v) w.WriteNull(name);
        else if (double.IsFinite(v)) w.WriteNumber(name, v);
        else
        {
            w.WriteNull(name);
            notes.Add($"{name} is {(double.IsNaN(v) ? "NaN" : v > 0 ? "+inf" : "-inf")}");
        }
    }

    private static string? Join(string? error, List<string> notes) =>
        notes.Count == 0 ? error : string.Join("; ", error is null ? notes : [error, .. notes]);
}
