using Sweep.Grains.Model;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>The end-of-sweep summary on stdout: id, status, best trial, its value and parameters.</summary>
internal static class SummaryWriter
{
    public static void Write(TextWriter output, SweepInfo sweep, TrialInfo? best, OutputFormat format)
    {
        var node = SweepViews.Sweep(sweep);
        node["best_params"] = best is null ? null : SweepViews.Params(best.Values);
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(node.ToJsonString(JsonOptions.Indented));
                break;
            case OutputFormat.Yaml:
                output.Write(YamlEmitter.Emit(node));
                break;
            default:
                var table = new TextTable("field", "value")
                    .Add("id", sweep.Id).Add("name", sweep.Name).Add("status", sweep.Status.ToString().ToLowerInvariant())
                    .Add("trials", $"{sweep.Finished}/{sweep.MaxTrials} (complete {sweep.Complete}, pruned {sweep.Pruned}, failed {sweep.Failed})")
                    .Add("best trial", sweep.BestTrial?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add($"best {sweep.MetricName}", SweepViews.BestText(sweep))
                    .Add("best params", best is null ? null : SweepViews.ParamsText(best.Values));
                if (sweep.Reason is { } reason) table.Add("reason", reason);
                output.Write(table.ToString());
                break;
        }
    }
}
