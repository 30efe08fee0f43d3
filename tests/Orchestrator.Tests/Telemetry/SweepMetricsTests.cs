using System.Globalization;
using System.Text.RegularExpressions;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Grains.Telemetry;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Running;

namespace Sweep.Orchestrator.Tests.Telemetry;

/// <summary>
/// A real embedded silo runs two small sweeps (one that completes and prunes, one whose trials fail); our meter's
/// counters, gauges and ask histogram must agree with the stored trials, and /metrics must serve them as Prometheus text.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class SweepMetricsTests : IDisposable
{
    private const int PrunedTrials = 16;

    private readonly string _dir = Directory.CreateTempSubdirectory("sweep-metrics-").FullName;
    private readonly string _id = "metrics-" + Guid.NewGuid().ToString("N")[..8];

    private static string PruningSpec =>
        TestSpecs.MixedFunction("metrics", PrunedTrials, 2, TestSpecs.Tpe(5), steps: 4, pruner: TestSpecs.Median(3), stepSeconds: 0.02);

    private static readonly string FailingSpec = TestSpecs.UnitCommand("failing", "exit 3", 2, 1, TestSpecs.Random(1), maxRetries: 0);

    [Fact]
    public async Task Counters_gauges_and_ask_time_match_the_sweeps_and_metrics_serves_them_as_prometheus_text()
    {
        using var recorded = new RecordedMeasurements(SweepMetrics.MeterName);
        await using var web = await MetricsWebHost.StartAsync();
        var home = SweepHome.Create(Path.Combine(_dir, "home"));
        var node = "node-" + _id;
        var runner = new RunnerOptions { NodeName = node, CpuSlots = 2, TrialsDirectory = home.TrialsDirectory };
        var specFile = Path.Combine(_dir, "spec.yaml");
        SweepInfo pruning, failing;
        await using (var silo = await SweepSilo.StartAsync(new SiloSettings { Home = home, Runner = runner }))
        {
            var sweep = silo.Grains.GetGrain<ISweepGrain>(_id);
            var failed = silo.Grains.GetGrain<ISweepGrain>(_id + "-failing");
            await sweep.CreateAsync(PruningSpec, specFile);

            recorded.Observe();
            var queued = recorded.Of("sweep.queue.length", "sweep.id", _id);
            Assert.NotEmpty(queued);
            Assert.InRange(queued[^1].Value, PrunedTrials - 2, PrunedTrials);     // at most two asked by the runner yet
            Assert.Equal(2, recorded.Of("sweep.slots.capacity", "sweep.node", node).Single().Value);
            Assert.InRange(recorded.Of("sweep.slots.busy", "sweep.node", node).Single().Value, 0, 2);

            await failed.CreateAsync(FailingSpec, specFile);
            await WaitRestingAsync(sweep);
            await WaitRestingAsync(failed);
            pruning = (await sweep.GetAsync())!;
            failing = (await failed.GetAsync())!;
            Assert.True(pruning.Pruned > 0 && pruning.Complete > 0, $"the pruning sweep should both complete and prune: {pruning.Complete} complete, {pruning.Pruned} pruned");
            Assert.Equal((SweepStatus.Failed, 2), (failing.Status, failing.Failed));

            var started = (await sweep.TrialsAsync()).Sum(t => t.Attempt);
            Assert.Equal(started, Total(recorded, "sweep.trials.started", _id));
            Assert.Equal(pruning.Complete, Total(recorded, "sweep.trials.completed", _id));
            Assert.Equal(pruning.Pruned, Total(recorded, "sweep.trials.pruned", _id));
            Assert.Equal(0, Total(recorded, "sweep.trials.failed", _id));
            Assert.Equal(2, Total(recorded, "sweep.trials.started", failing.Id));
            Assert.Equal(2, Total(recorded, "sweep.trials.failed", failing.Id));
            Assert.Equal(0, Total(recorded, "sweep.trials.completed", failing.Id));
            Assert.All(recorded.Of("sweep.trials.failed", "sweep.id", failing.Id), m => Assert.Equal("command", m.Tags["trial.kind"]));

            // One ask per new trial, each timed: seconds, not a tick count.
            var asks = recorded.Of("sweep.ask.duration", "sweep.id", _id);
            Assert.Equal(pruning.Asked, asks.Count);
            Assert.All(asks, a => Assert.Equal("tpe", a.Tags["sweep.sampler"]));
            Assert.All(asks, a => Assert.InRange(a.Value, 0, 10));

            // A resting sweep leaves the queue gauge.
            recorded.Clear();
            recorded.Observe();
            Assert.Empty(recorded.Of("sweep.queue.length", "sweep.id", _id));

            var text = await web.ScrapeAsync();
            Assert.Equal(pruning.Complete, Sample(text, "sweep_trials_completed_total", _id));
            Assert.Equal(pruning.Pruned, Sample(text, "sweep_trials_pruned_total", _id));
            Assert.Equal(started, Sample(text, "sweep_trials_started_total", _id));
            Assert.Equal(2, Sample(text, "sweep_trials_failed_total", failing.Id));
            Assert.Equal(pruning.Asked, Sample(text, "sweep_ask_duration_seconds_count", _id));
            Assert.Matches(new Regex($"(?m)^sweep_slots_capacity\\{{[^}}]*sweep_node=\"{node}\"[^}}]*\\}} 2(\\s|$)"), text);
            Assert.Matches(OrleansSeries(), text);   // Orleans' own meter goes through the same pipeline
        }

        // The silo is gone: its runner no longer publishes slots.
        recorded.Clear();
        recorded.Observe();
        Assert.Empty(recorded.Of("sweep.slots.capacity", "sweep.node", node));
    }

    private static async Task WaitRestingAsync(ISweepGrain sweep)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((await sweep.GetAsync())?.IsResting != true)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"sweep did not come to rest in 120 s: {await sweep.GetAsync()}");
            await Task.Delay(100);
        }
    }

    private static int Total(RecordedMeasurements recorded, string counter, string sweepId) =>
        (int)recorded.Of(counter, "sweep.id", sweepId).Sum(m => m.Value);

    /// <summary>The value of the series <paramref name="name"/> of one sweep in Prometheus text; fails when absent.</summary>
    private static int Sample(string text, string name, string sweepId)
    {
        var m = Regex.Match(text, $"(?m)^{Regex.Escape(name)}\\{{[^}}]*sweep_id=\"{Regex.Escape(sweepId)}\"[^}}]*\\}} (\\S+)");
        Assert.True(m.Success, $"no {name} series for sweep {sweepId} in:\n{text}");
        return (int)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("(?m)^orleans_[a-z_]+(\\{|\\s)")]
    private static partial Regex OrleansSeries();

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
