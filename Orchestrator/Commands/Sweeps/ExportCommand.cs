using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep export ID -f json|yaml|csv|csv-curves|optuna-journal [-o FILE]</c>: the sweep and every trial. The json and
/// yaml trees carry each trial's curve (its reported values, step by step); csv has one row per trial, csv-curves one
/// row per reported value (long format, to join with csv on <c>number</c>).
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var id = CliOptions.SweepId();
        var home = CliOptions.Home();
        var cluster = new ClusterFlags();
        var format = new Option<string>("--format", "-f") { Description = "json, yaml, csv, csv-curves or optuna-journal.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "yaml", "csv", "csv-curves", "optuna-journal");
        var output = CliOptions.Output();
        var command = new Command("export", "Export a sweep's trials (json, yaml, csv, or an Optuna journal).") { id, home, format, output };
        cluster.AddTo(command);
        command.SetAction(pr => CliAction.RunAsync("export", pr.InvocationConfiguration.Error, () =>
        {
            using var store = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr)).OpenStore();
            var sweep = store.Sweep(pr.GetValue(id)!);
            var trials = store.Trials(sweep.Id);
            var text = pr.GetValue(format) switch
            {
                "csv" => Csv(trials, ConfigRuns.Of(trials)),
                "csv-curves" => CsvCurves(trials),
                "optuna-journal" => string.Concat(OptunaJournal.Lines(sweep, SweepPlan.Parse(sweep.SpecText, sweep.SpecFile).Spec.Space, trials).Select(l => l + "\n")),
                var f => Tree(sweep, trials, f ?? "json"),
            };
            CliOutput.Write(text, pr.GetValue(output), pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error,
                                  $"{trials.Count} trials of {sweep.Id}");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static string Tree(SweepInfo sweep, IReadOnlyList<TrialInfo> trials, string format)
    {
        var runs = ConfigRuns.Of(trials);
        var node = new JsonObject { ["sweep"] = SweepViews.Sweep(sweep), ["trials"] = new JsonArray([.. trials.Select(t => (JsonNode)WithCurve(t, runs))]) };
        return format == "yaml" ? YamlEmitter.Emit(node) : node.ToJsonString(JsonOptions.Indented) + "\n";
    }

    private static JsonObject WithCurve(TrialInfo t, IReadOnlyDictionary<string, ConfigRuns> runs)
    {
        var o = SweepViews.Trial(t, runs: runs);
        o["curve"] = new JsonArray([.. t.Intermediate.Select(kv => (JsonNode)new JsonObject { ["step"] = kv.Key, ["value"] = kv.Value })]);
        return o;
    }

    /// <summary>One row per reported value: <c>number,state,step,value</c>, by trial then step.</summary>
    private static string CsvCurves(IReadOnlyList<TrialInfo> trials)
    {
        var sb = new StringBuilder("number,state,step,value\n");
        foreach (var t in trials)
            foreach (var (step, value) in t.Intermediate)
                sb.Append(t.Number.ToString(CultureInfo.InvariantCulture)).Append(',').Append(t.Status.ToString().ToLowerInvariant()).Append(',')
                  .Append(step.ToString(CultureInfo.InvariantCulture)).Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// One row per trial; <c>value</c> is the run's own, <c>mean,sd,runs</c> those of its configuration's complete runs
    /// when it ran more than once (re-evaluation), empty otherwise.
    /// </summary>
    private static string Csv(IReadOnlyList<TrialInfo> trials, IReadOnlyDictionary<string, ConfigRuns> runs)
    {
        var names = trials.SelectMany(t => t.Values.Select(v => v.Name)).Distinct().ToList();
        var sb = new StringBuilder("number,state,value,").Append(string.Join(",", names.Select(Field))).Append(",attempt,duration_s,error,stage,seed,mean,sd,runs\n");
        foreach (var t in trials)
        {
            var values = t.Values.ToDictionary(v => v.Name, v => v.Json.Trim('"'));
            sb.Append(t.Number.ToString(CultureInfo.InvariantCulture)).Append(',').Append(t.Status.ToString().ToLowerInvariant()).Append(',')
              .Append(t.Value?.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(string.Join(",", names.Select(n => Field(values.GetValueOrDefault(n) ?? "")))).Append(',')
              .Append(t.Attempt.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(t.StartedUtc is { } s && t.FinishedUtc is { } f ? (f - s).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "")
              .Append(',').Append(Field(t.Error ?? "")).Append(',').Append(SweepViews.Stage(t.Stage)).Append(',')
              .Append(t.Seed?.ToString(CultureInfo.InvariantCulture));
            if (runs.TryGetValue(ConfigRuns.KeyOf(t), out var c) && c.Count > 1)
                sb.Append(',').Append(c.Mean.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                  .Append(c.Sd?.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(c.Count.ToString(CultureInfo.InvariantCulture));
            else sb.Append(",,,");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
