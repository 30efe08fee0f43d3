using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;
using Sweep.Trainer.Training.Checkpoints;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep best ID [--trial N] [-f yaml|json|table] [-o FILE] [--epochs N]</c>: the best trial (or trial N) as a run config. For a method sweep
/// the YAML is what <c>sweep train --config best.yaml</c> runs as the final training: the sweep's fixed keys, the
/// best parameters and the trial's thread count, without the search-time step cap (<c>maxSteps</c>). A
/// <c>provenance:</c> map says where it came from (train keeps it in checkpoint metadata); the path of the trial's
/// best checkpoint follows, on stderr when stdout carries the config.
/// </summary>
public static class BestCommand
{
    public static Command Create()
    {
        var id = CliOptions.SweepId();
        var home = CliOptions.Home();
        var cluster = new ClusterFlags();
        var format = CliOptions.Format(OutputFormat.Yaml);
        var output = CliOptions.Output();
        var epochs = new Option<int?>("--epochs") { Description = "Override epochs for the final run (method sweeps)." };
        var trialNumber = new Option<int?>("--trial")
        {
            Description = "Export this trial's config instead of the best one (any trial that was given parameters: the runner-up, a pruned one).",
        };
        var command = new Command("best", "Export the best trial's config (for `sweep train --config`) with its provenance; print its best checkpoint's path.")
        {
            id, home, format, output, epochs, trialNumber,
        };
        cluster.AddTo(command);
        command.SetAction(pr => CliAction.RunAsync("best", pr.InvocationConfiguration.Error, () =>
        {
            var target = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr));
            using var store = target.OpenStore();
            var sweep = store.Sweep(pr.GetValue(id)!);
            if (pr.GetValue(epochs) is < 1) throw new UsageException($"--epochs must be >= 1 (got {pr.GetValue(epochs)})");
            var trials = store.Trials(sweep.Id);
            var trial = pr.GetValue(trialNumber) is { } chosen
                ? trials.FirstOrDefault(t => t.Number == chosen) ?? throw Store.SweepStore.NoSuchTrial(sweep, trials, chosen)
                : sweep.BestTrial is { } best ? trials.First(t => t.Number == best)
                : throw new InvalidOperationException($"sweep {sweep.Id} has no complete trial yet ({sweep.Finished} finished, {sweep.Failed} failed)");
            var number = trial.Number;
            var runs = ConfigRuns.Of(trials).GetValueOrDefault(ConfigRuns.KeyOf(trial));
            var plan = SweepPlan.Parse(sweep.SpecText, sweep.SpecFile);
            var config = Config(plan, trial, pr.GetValue(epochs));
            config.Insert(0, "provenance", Provenance(sweep, trial, runs));
            var file = pr.GetValue(output);
            CliOutput.Write(Render(sweep, trial, runs, config, pr.GetValue(format)), file, pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error,
                            $"{(number == sweep.BestTrial ? "best trial" : "trial")} #{number} of {sweep.Id}");
            var trialDirectory = SweepHome.TrialDirectory(SweepHome.At(pr.GetValue(home)).TrialsDirectory, sweep.Id, number);
            if (Checkpoint(trialDirectory) is { } checkpoint)
            {
                if (!CliOutput.IsStdout(file)) pr.InvocationConfiguration.Output.WriteLine(checkpoint);
                else if (!Verbosity.Quiet) pr.InvocationConfiguration.Error.WriteLine($"best checkpoint: {checkpoint}");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>The run config of the best trial as a flat JSON object (dotted keys), method sweeps first the method.</summary>
    public static JsonObject Config(SweepPlan plan, TrialInfo trial, int? epochs)
    {
        var config = new JsonObject();
        var assignment = plan.Assign(trial);
        if (plan.Kind == TrialKind.Method) config["method"] = assignment.Target;
        foreach (var (k, v) in plan.Settings)
            if (k != "maxSteps" && !(plan.Kind == TrialKind.Method && k == "method")) config[k] = JsonNode.Parse(ParamText.Json(v));
        foreach (var p in trial.Values)
            if (!(plan.Kind == TrialKind.Method && p.Name == "method")) config[p.Name] = JsonNode.Parse(p.Json);
        if (epochs is { } e) config["epochs"] = e;
        // The seed the trial ran with, so the final run repeats it (a re-evaluated best ran on several: provenance lists them).
        if (plan.ChoosesSeed && trial.Seed is { } seed) config[SearchSpaces.Specs.TrialSpec.SeedName] = seed;
        // Another thread count changes the order of float sums: the trial is repeated with the count it ran with.
        if (plan.Kind == TrialKind.Method && trial.Threads is { } threads && (config["threads"]?.GetValue<double>() ?? 0) == 0)
            config["threads"] = threads;
        return config;
    }

    /// <summary>Where the config came from; <c>sweep train</c> keeps it in each checkpoint's metadata.</summary>
    /// <param name="runs">The configuration's runs: with more than one, how the sweep ranked it (mean, sd, runs) and every seed.</param>
    public static JsonObject Provenance(SweepInfo sweep, TrialInfo trial, ConfigRuns? runs = null)
    {
        var entries = new Dictionary<string, JsonNode?>
        {
            ["sweepId"] = sweep.Id,
            ["sweepName"] = sweep.Name,
            ["trial"] = trial.Number,
            ["metric"] = sweep.MetricName,
            ["goal"] = sweep.Goal.ToString().ToLowerInvariant(),
            ["value"] = trial.Value,
            ["seed"] = trial.Seed,
            ["ranking"] = sweep.RankedByMean ? "mean" : "single run",
            ["mean"] = runs is { Count: > 1 } ? runs.Mean : null,
            ["sd"] = runs is { Count: > 1 } ? runs.Sd : null,
            ["runs"] = runs is { Count: > 1 } ? runs.Count : null,
            // Scalars only (train keeps provenance as key: scalar): the lists as comma-separated text.
            ["seeds"] = runs is { Count: > 1 } ? string.Join(",", runs.Seeds) : null,
            ["trials"] = runs is { Count: > 1 } ? string.Join(",", runs.Trials) : null,
            ["spec"] = sweep.SpecFile,
            ["specSha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sweep.SpecText))).ToLowerInvariant(),
            ["node"] = trial.Node,
            ["device"] = trial.Device,
            ["trialFinishedUtc"] = trial.FinishedUtc?.ToString("O", CultureInfo.InvariantCulture),
            ["sweepVersion"] = typeof(BestCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            ["exportedUtc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        return new JsonObject(entries.Where(kv => kv.Value is not null));
    }

    /// <summary>The trial's best checkpoint (else its newest) when its folder is on this machine; null when it has none.</summary>
    private static string? Checkpoint(string trialDirectory)
    {
        var folder = Path.Combine(trialDirectory, "checkpoints");
        if (!Directory.Exists(folder)) return null;
        try
        {
            var store = new CheckpointStore(folder);
            return store.BestPath ?? store.LatestPath;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;   // a damaged checkpoint is train's to report; the config stands without it
        }
    }

    private static string Render(SweepInfo sweep, TrialInfo trial, ConfigRuns? runs, JsonObject config, OutputFormat format)
    {
        var header = $"# sweep {sweep.Id}, trial {trial.Number}: {sweep.MetricName} = " + (sweep.RankedByMean && runs is { Count: > 1 }
            ? $"{SweepViews.Number(runs.Mean)} ± {SweepViews.Number(runs.Sd)}, the mean of {runs.Count} runs (seeds {string.Join(", ", runs.Seeds)}; " +
              $"ranked by mean), this run {SweepViews.Number(trial.Value)}"
            : SweepViews.Number(trial.Value)) + (trial.Status == TrialState.Complete ? ""
                : $" ({trial.Status.ToString().ToLowerInvariant()}{(trial.LastStep is { } step ? $" at step {step}" : "")})");
        return format switch
        {
            OutputFormat.Json => config.ToJsonString(JsonOptions.Indented) + "\n",
            OutputFormat.Yaml => header + "\n" + YamlEmitter.Emit(config),
            _ => Table(config, header),
        };
    }

    private static string Table(JsonObject config, string header)
    {
        var table = new TextTable("key", "value");
        foreach (var (k, v) in config)
            if (v is JsonObject map)
                foreach (var (mk, mv) in map) table.Add($"{k}.{mk}", mv?.ToJsonString());
            else table.Add(k, v?.ToJsonString());
        return new StringBuilder(header.TrimStart('#', ' ')).Append('\n').Append(table).ToString();
    }
}
