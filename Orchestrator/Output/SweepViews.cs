using System.Globalization;
using System.Text.Json.Nodes;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Orchestrator.Output;

/// <summary>The JSON shapes of sweeps and trials that every read verb prints (YAML is the same tree).</summary>
public static class SweepViews
{
    /// <summary>
    /// The status to show: the stored one, or <c>interrupted</c> for a sweep stored as running or draining that no live
    /// process serves any more (its process died; <c>sweep resume</c> continues it).
    /// </summary>
    public static string Status(SweepInfo s, bool served = true) =>
        !s.IsResting && !served ? "interrupted" : s.Status.ToString().ToLowerInvariant();

    public static JsonObject Sweep(SweepInfo s, bool served = true) => new()
    {
        ["id"] = s.Id,
        ["name"] = s.Name,
        ["status"] = Status(s, served),
        ["reason"] = s.Reason,
        ["metric"] = s.MetricName,
        ["goal"] = s.Goal.ToString().ToLowerInvariant(),
        ["max_trials"] = s.MaxTrials,
        ["trials"] = new JsonObject
        {
            ["asked"] = s.Asked, ["pending"] = s.Pending, ["running"] = s.Running, ["complete"] = s.Complete,
            ["pruned"] = s.Pruned, ["failed"] = s.Failed,
        },
        ["best_trial"] = s.BestTrial,
        ["best_value"] = s.BestValue,
        // How best_value was reached: one run, or the mean of a re-evaluated configuration's best_runs runs.
        ["ranking"] = s.RankedByMean ? "mean" : "single run",
        ["best_runs"] = s.BestRuns,
        ["best_sd"] = s.BestSd,
        ["reevaluations"] = s.Reevaluations,
        ["seed"] = s.Seed,
        ["created_utc"] = s.CreatedUtc.ToString("O", CultureInfo.InvariantCulture),
        ["finished_utc"] = s.FinishedUtc?.ToString("O", CultureInfo.InvariantCulture),
        ["active_s"] = Math.Round(s.ActiveTime.TotalSeconds, 3),
        ["spec_file"] = s.SpecFile,
    };

    /// <param name="curve">Also the reported values, as a list of <c>{step, value}</c>.</param>
    /// <param name="runs">
    /// The runs of the trial's configuration (<see cref="ConfigRuns.Of"/> over the whole sweep): when it ran more than
    /// once, <c>mean</c>, <c>sd</c> and <c>runs</c> of its complete runs; <c>value</c> stays this run's own.
    /// </param>
    public static JsonObject Trial(TrialInfo t, bool curve = false, IReadOnlyDictionary<string, ConfigRuns>? runs = null)
    {
        var o = new JsonObject
        {
            ["number"] = t.Number,
            ["state"] = t.Status.ToString().ToLowerInvariant(),
            ["value"] = t.Value,
            ["params"] = Params(t.Values),
            ["attempt"] = t.Attempt,
            ["retries"] = t.Retries,
            ["node"] = t.Node,
            ["device"] = t.Device,
            ["last_step"] = t.LastStep,
            ["started_utc"] = t.StartedUtc?.ToString("O", CultureInfo.InvariantCulture),
            ["finished_utc"] = t.FinishedUtc?.ToString("O", CultureInfo.InvariantCulture),
            ["duration_s"] = t.StartedUtc is { } s && t.FinishedUtc is { } f ? Math.Round((f - s).TotalSeconds, 3) : null,
            ["error"] = t.Error,
            ["stage"] = Stage(t.Stage),
            ["seed"] = t.Seed,
        };
        if (t.Reevaluates is { } source) o["reevaluates"] = source;
        if (runs is not null && runs.TryGetValue(ConfigRuns.KeyOf(t), out var c) && c.Count > 1)
        {
            o["mean"] = c.Mean;
            o["sd"] = c.Sd;
            o["runs"] = c.Count;
        }
        if (t.Metrics.Count > 0) o["metrics"] = new JsonObject(t.Metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        if (t.ExitCode is { } code) o["exit_code"] = code;
        if (t.Threads is { } threads) o["threads"] = threads;
        if (t.Enqueued) o["enqueued"] = true;
        if (curve)
            o["curve"] = new JsonArray([.. t.Intermediate.Select(kv => (JsonNode?)new JsonObject { ["step"] = kv.Key, ["value"] = kv.Value })]);
        return o;
    }

    /// <summary>A node's placement record; <paramref name="now"/> dates its last report.</summary>
    public static JsonObject Node(NodeInfo n, DateTime now) => new()
    {
        ["name"] = n.Name,
        ["host"] = n.Host,
        ["devices"] = new JsonArray([.. n.Devices.Select(d => (JsonNode?)d)]),
        ["slots_per_device"] = n.SlotsPerDevice,
        ["slots"] = n.Slots,
        ["slots_used"] = n.Trials.Length,
        ["slots_free"] = n.FreeSlots,
        ["labels"] = new JsonObject(n.Labels.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["trials"] = new JsonArray([.. n.Trials.Select(t => (JsonNode?)new JsonObject
        {
            ["sweep"] = t.SweepId, ["number"] = t.Number, ["attempt"] = t.Attempt, ["device"] = t.Device,
        })]),
        ["runner"] = n.Runner,
        ["completed"] = n.Completed,
        ["last_seen_utc"] = n.LastSeenUtc.ToString("O", CultureInfo.InvariantCulture),
        ["last_seen_s"] = Math.Round(Math.Max(0, (now - n.LastSeenUtc).TotalSeconds), 1),
    };

    /// <summary>The best value as text, saying when it is a mean: <c>4.31 (mean of 5 runs, sd 4.82)</c>.</summary>
    public static string BestText(SweepInfo s) =>
        Number(s.BestValue) + (s.RankedByMean ? $" (mean of {s.BestRuns} runs, sd {Number(s.BestSd)})" : "");

    public static string Stage(TrialStage stage) => stage == TrialStage.Reevaluation ? "reevaluation" : "search";

    /// <summary><c>mean ± sd (n)</c> of a configuration that ran more than once; null otherwise.</summary>
    public static string? MeanText(ConfigRuns? c) => c is { Count: > 1 } ? $"{Number(c.Mean)} ± {Number(c.Sd)} ({c.Count})" : null;

    public static JsonObject Params(IEnumerable<ParamValue> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, JsonNode.Parse(v.Json))));

    public static string Number(double? v) => v is { } d ? d.ToString("G6", CultureInfo.InvariantCulture) : "-";

    public static string ParamsText(IEnumerable<ParamValue> values) => string.Join(" ", values.Select(v => $"{v.Name}={v.Json.Trim('"')}"));
}
