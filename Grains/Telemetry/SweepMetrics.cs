using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sweep.Grains.Telemetry;

/// <summary>
/// The sweep engine's instruments, on the meter <see cref="MeterName"/>: trial counters and the sampler's ask time,
/// recorded where the events happen, and gauges read at collection from what the sweep grains and runners of this
/// process publish. Tags stay few (sweep id, trial kind, sampler, node) so a series per sweep is the most there is.
/// </summary>
public static class SweepMetrics
{
    public const string MeterName = "Sweep";

    private static readonly Meter Meter = new(MeterName, typeof(SweepMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Started = Meter.CreateCounter<long>("sweep.trials.started", "{trial}", "Trial attempts handed to a runner.");
    private static readonly Counter<long> Completed = Meter.CreateCounter<long>("sweep.trials.completed", "{trial}", "Trials that ended with a value.");
    private static readonly Counter<long> Pruned = Meter.CreateCounter<long>("sweep.trials.pruned", "{trial}", "Trials the pruner stopped early.");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("sweep.trials.failed", "{trial}", "Trials that failed for good (retries spent, cancelled, stopped).");

    // Asks take microseconds (random) to seconds (TPE on a long history): buckets in seconds across that range.
    private static readonly Histogram<double> AskDuration = Meter.CreateHistogram<double>("sweep.ask.duration", "s",
        "Time the sampler took to propose a new trial.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10] });

    private static readonly ConcurrentDictionary<string, int> Queues = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<SlotSource, byte> Slots = new();

    static SweepMetrics()
    {
        Meter.CreateObservableGauge("sweep.queue.length", ObserveQueues, "{trial}",
            "Trials of a running sweep waiting for a slot: pending retries and trials not yet asked.");
        Meter.CreateObservableGauge("sweep.slots.busy", () => ObserveSlots(s => s.Busy()), "{slot}", "Slots of a node's runner running an attempt.");
        Meter.CreateObservableGauge("sweep.slots.capacity", () => ObserveSlots(s => s.Capacity), "{slot}", "Slots of a node's runner.");
    }

    /// <summary>An attempt of a trial went to a runner.</summary>
    public static void TrialStarted(string sweepId, TrialKind kind) => Started.Add(1, SweepTag(sweepId), KindTag(kind));

    /// <summary>A trial reached its end state (counted once, when that state is stored); other states count nothing.</summary>
    public static void TrialEnded(string sweepId, TrialKind kind, TrialState state)
    {
        var counter = state switch
        {
            TrialState.Complete => Completed,
            TrialState.Pruned => Pruned,
            TrialState.Failed or TrialState.Cancelled => Failed,
            _ => null,
        };
        counter?.Add(1, SweepTag(sweepId), KindTag(kind));
    }

    /// <summary>A sampler's ask, from <see cref="Stopwatch.GetTimestamp"/> at its start to now.</summary>
    public static void AskTook(string sweepId, string sampler, long startTimestamp) =>
        AskDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, SweepTag(sweepId), new KeyValuePair<string, object?>("sweep.sampler", sampler));

    /// <summary>The queue of a sweep active in this process; null when it rests or leaves this process (no series then).</summary>
    public static void SetQueue(string sweepId, int? queued)
    {
        if (queued is { } n) Queues[sweepId] = n;
        else Queues.TryRemove(sweepId, out _);
    }

    /// <summary>Publishes a runner's slots until the returned handle is disposed.</summary>
    public static IDisposable PublishSlots(string node, int capacity, Func<int> busy)
    {
        var source = new SlotSource(node, capacity, busy);
        Slots[source] = 0;
        return source;
    }

    private static IEnumerable<Measurement<int>> ObserveQueues() =>
        Queues.Select(kv => new Measurement<int>(kv.Value, SweepTag(kv.Key)));

    private static IEnumerable<Measurement<int>> ObserveSlots(Func<SlotSource, int> value) =>
        Slots.Keys.Select(s => new Measurement<int>(value(s), new KeyValuePair<string, object?>("sweep.node", s.Node)));

    private static KeyValuePair<string, object?> SweepTag(string sweepId) => new("sweep.id", sweepId);

    private static KeyValuePair<string, object?> KindTag(TrialKind kind) => new("trial.kind", kind switch
    {
        TrialKind.Method => "method",
        TrialKind.Command => "command",
        TrialKind.Function => "function",
        _ => "other",
    });

    private sealed class SlotSource(string node, int capacity, Func<int> busy) : IDisposable
    {
        public string Node => node;
        public int Capacity => capacity;
        public int Busy() => busy();
        public void Dispose() => Slots.TryRemove(this, out _);
    }
}
