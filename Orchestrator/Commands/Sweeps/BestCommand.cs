using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep best ID [-f yaml|json|table] [-o FILE] [--epochs N]</c>: the best trial as a run config. For a method sweep
/// the YAML is what <c>sweep train --config best.yaml</c> runs as the final training: the sweep's fixed keys and the
/// best parameters, without the search-time step cap (<c>maxSteps</c>).
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
        var command = new Command("best", "Export the best trial's config (for `sweep train --config`).") { id, home, format, output, epochs };
        cluster.AddTo(command);
        command.SetAction(pr => CliAction.RunAsync("best", pr.InvocationConfiguration.Error, () =>
        {
            using var store = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr)).OpenStore();
            var sweep = store.Sweep(pr.GetValue(id)!);
            if (sweep.BestTrial is not { } number)
                throw new InvalidOperationException($"sweep {sweep.Id} has no complete trial yet ({sweep.Finished} finished, {sweep.Failed} failed)");
            if (pr.GetValue(epochs) is < 1) throw new UsageException($"--epochs must be >= 1 (got {pr.GetValue(epochs)})");
            var trial = store.Trials(sweep.Id).First(t => t.Number == number);
            var plan = SweepPlan.Parse(sweep.SpecText, sweep.SpecFile);
            var text = Render(sweep, trial, plan, pr.GetValue(format), pr.GetValue(epochs));
            CliOutput.Write(text, pr.GetValue(output), pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error,
                                  $"best trial #{number} of {sweep.Id}");
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
        return config;
    }

    private static string Render(SweepInfo sweep, TrialInfo trial, SweepPlan plan, OutputFormat format, int? epochs)
    {
        var config = Config(plan, trial, epochs);
        var header = $"# sweep {sweep.Id}, trial {trial.Number}: {sweep.MetricName} = {SweepViews.Number(trial.Value)}";
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
        foreach (var (k, v) in config) table.Add(k, v?.ToJsonString());
        return new StringBuilder(header.TrimStart('#', ' ')).Append('\n').Append(table).ToString();
    }

}
