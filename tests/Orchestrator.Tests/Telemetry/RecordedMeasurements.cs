using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Sweep.Orchestrator.Tests.Telemetry;

/// <summary>Every measurement of one meter's instruments while it lives, as an exporter would see them (a real MeterListener).</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Recorded> _all = new();

    public RecordedMeasurements(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>Runs the observable instruments' callbacks now; their values are recorded like the others.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The measurements of <paramref name="instrument"/> carrying <paramref name="tag"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<Recorded> Of(string instrument, string tag, string value) =>
        [.. _all.Where(r => r.Instrument == instrument && r.Tags.TryGetValue(tag, out var v) && v == value)];

    public void Clear() => _all.Clear();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in tags) d[t.Key] = t.Value?.ToString() ?? "";
        _all.Enqueue(new Recorded(instrument.Name, value, d));
    }

    public void Dispose() => _listener.Dispose();

    public sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, string> Tags);
}
