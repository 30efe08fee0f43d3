using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>
/// Writes protocol records as compact JSON lines and flushes each, so a reader sees it at once. Non-finite numbers
/// become null with the reason in <c>error</c>; an accuracy outside [0, 1] (a percentage, say) is a bug and throws
/// before anything is written. Exactly one result line: a second <see cref="WriteResult"/> throws. Thread-safe.
/// </summary>
public sealed class ProtocolWriter(TextWriter output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _gate = new();

    /// <summary>True once the result line is out; the run must write nothing after it.</summary>
    public bool ResultWritten { get; private set; }

    public void WriteProgress(ProgressRecord p) => Emit(w =>
    {
        var notes = new List<string>();
        w.WriteString(ProtocolFields.Type, p.Type);
        w.WriteNumber(ProtocolFields.Step, p.Step);
        w.WriteNumber(ProtocolFields.Epoch, p.Epoch);
        Number(w, ProtocolFields.Loss, p.Loss, notes);
        Number(w, ProtocolFields.TrainTop1, p.TrainTop1, notes);
        Number(w, ProtocolFields.ValTop1, p.ValTop1, notes);
        Number(w, ProtocolFields.SamplesPerS, p.SamplesPerS, notes);
        Number(w, ProtocolFields.Lr, p.Lr, notes);
        Number(w, ProtocolFields.ElapsedS, p.ElapsedS, notes);
        var error = Join(p.Error, notes);
        if (error is not null) w.WriteString(ProtocolFields.Error, error);
    }, p, result: false);

    public void WriteResult(ResultRecord r) => Emit(w =>
    {
        var notes = new List<string>();
        w.WriteString(ProtocolFields.Type, r.Type);
        w.WriteString(ProtocolFields.Status, ProtocolFields.StatusText(r.Status));
        Number(w, ProtocolFields.ValTop1, r.ValTop1, notes);
        Number(w, ProtocolFields.BestValTop1, r.BestValTop1, notes);
        if (r.BestEpoch is { } e) w.WriteNumber(ProtocolFields.BestEpoch, e); else w.WriteNull(ProtocolFields.BestEpoch);
        if (r.Params is { } n) w.WriteNumber(ProtocolFields.Params, n); else w.WriteNull(ProtocolFields.Params);
        Number(w, ProtocolFields.SopsPerSample, r.SopsPerSample, notes);
        Number(w, ProtocolFields.ValRgbTop1, r.ValRgbTop1, notes);
        var error = Join(r.Error, notes);
        if (error is null) w.WriteNull(ProtocolFields.Error); else w.WriteString(ProtocolFields.Error, error);
    }, r, result: true);

    private void Emit(Action<Utf8JsonWriter> body, ProtocolRecord record, bool result)
    {
        CheckFractions(record);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            body(w);
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
        var fields = record switch
        {
            ProgressRecord p => new[] { (ProtocolFields.TrainTop1, p.TrainTop1), (ProtocolFields.ValTop1, p.ValTop1) },
            ResultRecord r => [(ProtocolFields.ValTop1, r.ValTop1), (ProtocolFields.BestValTop1, r.BestValTop1), (ProtocolFields.ValRgbTop1, r.ValRgbTop1)],
            _ => [],
        };
        foreach (var (name, value) in fields)
            if (value is { } v && double.IsFinite(v) && v is < 0 or > 1)
                throw new ArgumentOutOfRangeException(name, v, $"{name} must be a fraction in [0, 1] (got {v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})");
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
