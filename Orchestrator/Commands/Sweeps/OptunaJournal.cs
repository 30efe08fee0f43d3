using System.Globalization;
using System.Text.Json.Nodes;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Output;
using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// A sweep as an Optuna 3.1 journal (JournalFileStorage): one CREATE_STUDY, then one CREATE_TRIAL per trial carrying
/// its state, value, parameters (internal representation), distributions and intermediate values.
/// </summary>
internal static class OptunaJournal
{
    private const int CreateStudy = 0;
    private const int CreateTrial = 4;

    public static IEnumerable<string> Lines(SweepInfo sweep, SearchSpace space, IEnumerable<TrialInfo> trials)
    {
        const string worker = "sweep-export";
        yield return new JsonObject
        {
            ["op_code"] = CreateStudy, ["worker_id"] = worker, ["study_name"] = sweep.Id,
            ["directions"] = new JsonArray(sweep.Goal == StudyDirection.Maximize ? 2 : 1),
        }.ToJsonString();
        var runs = ConfigRuns.Of(trials);
        foreach (var t in trials)
        {
            var log = new JsonObject
            {
                ["op_code"] = CreateTrial, ["worker_id"] = worker, ["study_id"] = 0,
                ["state"] = t.Status switch
                {
                    TrialState.Running => 0, TrialState.Complete => 1, TrialState.Pruned => 2, TrialState.Failed => 3, _ => 4,
                },
                ["value"] = t.Status == TrialState.Complete ? t.Value : null,
                ["values"] = null,
                ["datetime_start"] = Time(t.StartedUtc ?? t.CreatedUtc),
                ["distributions"] = new JsonObject(t.Params.Keys.Select(k => KeyValuePair.Create(k, (JsonNode?)Distribution(space[k].Distribution)))),
                ["params"] = new JsonObject(t.Params.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["user_attrs"] = UserAttributes(t, runs),
                ["system_attrs"] = new JsonObject(),
                ["intermediate_values"] = new JsonObject(t.Intermediate.Select(kv =>
                    KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)kv.Value))),
            };
            if (t.FinishedUtc is { } done) log["datetime_complete"] = Time(done);
            yield return log.ToJsonString();
        }
    }

    /// <summary>The error, the seed, a re-evaluation's stage and source, and the configuration's mean, sd and runs when it ran more than once.</summary>
    private static JsonObject UserAttributes(TrialInfo t, IReadOnlyDictionary<string, ConfigRuns> runs)
    {
        var attrs = new JsonObject();
        if (t.Error is not null) attrs["error"] = t.Error;
        if (t.Seed is { } seed) attrs["seed"] = seed;
        if (t.Stage == TrialStage.Reevaluation) attrs["stage"] = SweepViews.Stage(t.Stage);
        if (t.Reevaluates is { } source) attrs["reevaluates"] = source;
        if (runs.TryGetValue(ConfigRuns.KeyOf(t), out var c) && c.Count > 1)
        {
            attrs["mean"] = c.Mean;
            attrs["sd"] = c.Sd;
            attrs["runs"] = c.Count;
        }
        return attrs;
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>optuna.distributions.distribution_to_json: a JSON string inside the log.</summary>
    private static string Distribution(Distribution d) => (d switch
    {
        FloatDistribution f => new JsonObject
        {
            ["name"] = "FloatDistribution",
            ["attributes"] = new JsonObject { ["step"] = f.Step, ["low"] = f.Low, ["high"] = f.High, ["log"] = f.Log },
        },
        IntDistribution i => new JsonObject
        {
            ["name"] = "IntDistribution",
            ["attributes"] = new JsonObject { ["log"] = i.Log, ["step"] = i.Step, ["low"] = i.Low, ["high"] = i.High },
        },
        CategoricalDistribution c => new JsonObject
        {
            ["name"] = "CategoricalDistribution",
            ["attributes"] = new JsonObject { ["choices"] = new JsonArray([.. c.Choices.Select(v => JsonNode.Parse(Grains.Sweeps.ParamText.Json(v)))]) },
        },
        _ => throw new InvalidOperationException($"no Optuna distribution for {d.GetType().Name}"),
    }).ToJsonString();
}
