using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary><c>sweep status|list|trials|nodes</c>: read the home's state file directly (no silo needed).</summary>
public static class ReadCommands
{
    public static IEnumerable<Command> Create() => [Status(), List(), Trials(), Nodes()];

    public static void WriteSweep(TextWriter output, SweepInfo s, OutputFormat format, bool served = true)
    {
        switch (format)
        {
            case OutputFormat.Json: output.WriteLine(SweepViews.Sweep(s, served).ToJsonString(JsonOptions.Indented)); break;
            case OutputFormat.Yaml: output.Write(YamlEmitter.Emit(SweepViews.Sweep(s, served))); break;
            default: output.WriteLine(SweepWatcher.Line(s, s.ActiveTime, served)); break;
        }
    }

    private static Command Status()
    {
        var id = new Argument<string?>("id") { Description = "The sweep id (default: the newest sweep).", Arity = ArgumentArity.ZeroOrOne };
        var home = CliOptions.Home();
        var format = CliOptions.Format();
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh until the sweep rests." };
        var cluster = new ClusterFlags();
        var command = new Command("status", "Show a sweep's progress: trials done, running, pruned, failed, best.") { id, home, format, watch };
        cluster.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync("status", pr.InvocationConfiguration.Error, async () =>
        {
            var target = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr));
            using var store = target.OpenStore();
            var sweepId = pr.GetValue(id) ?? store.Sweeps().LastOrDefault()?.Id ?? throw new UsageException($"no sweeps in {target.Where}");
            var info = store.Sweep(sweepId);
            while (pr.GetValue(watch) && !info.IsResting && !ct.IsCancellationRequested)
            {
                if (!Verbosity.Quiet) pr.InvocationConfiguration.Error.WriteLine(SweepWatcher.Line(info, info.ActiveTime));
                try { await Task.Delay(1000, ct); } catch (OperationCanceledException) { }
                info = store.Sweep(sweepId);
            }
            WriteSweep(pr.InvocationConfiguration.Output, info, pr.GetValue(format), await target.IsServedAsync(ct));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var home = CliOptions.Home();
        var format = CliOptions.Format();
        var cluster = new ClusterFlags();
        var command = new Command("list", "List the sweeps of a home or a cluster.") { home, format };
        cluster.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync("list", pr.InvocationConfiguration.Error, async () =>
        {
            var target = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr));
            using var store = target.OpenStore();
            var sweeps = store.Sweeps(e => pr.InvocationConfiguration.Error.WriteLine($"sweep list: {e.Message}"));
            var served = await target.IsServedAsync(ct);
            var output = pr.InvocationConfiguration.Output;
            var f = pr.GetValue(format);
            if (f == OutputFormat.Table)
            {
                var table = new TextTable("id", "name", "status", "trials", "best", "created (UTC)");
                foreach (var s in sweeps)
                    table.Add(s.Id, s.Name, SweepViews.Status(s, served), $"{s.Finished}/{s.MaxTrials}", SweepViews.Number(s.BestValue),
                              s.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                output.Write(table.ToString());
            }
            else Write(output, new JsonArray([.. sweeps.Select(s => (JsonNode)SweepViews.Sweep(s, served))]), f);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Trials()
    {
        var id = CliOptions.SweepId();
        var home = CliOptions.Home();
        var format = CliOptions.Format();
        var state = CliOptions.States("Only trials in these states: pending, running, complete, pruned, failed (e.g. complete,pruned).");
        var sort = new Option<TrialOrder>("--sort")
        {
            Description = "Order by value, number, duration or state (default: number).",
            HelpName = "value|number|duration|state",
            CustomParser = r => CliOptions.OneOf<TrialOrder>(r, "--sort") ?? TrialOrder.Number,
        };
        var desc = new Option<bool>("--desc") { Description = "Reverse the order (trials without a value or duration stay last)." };
        var limit = new Option<int?>("--limit") { Description = "Only the first N trials (after --state, in the --sort order)." };
        var curves = new Option<bool>("--curves") { Description = "Each trial's reported values: json/yaml a list of {step, value}; the table a sparkline." };
        var cluster = new ClusterFlags();
        var command = new Command("trials", "List a sweep's trials, one column per parameter (the node column says which machine holds each trial's folder).")
        {
            id, home, format, state, sort, desc, limit, curves,
        };
        cluster.AddTo(command);
        command.SetAction(pr => CliAction.RunAsync("trials", pr.InvocationConfiguration.Error, () =>
        {
            if (pr.GetValue(limit) is < 1) throw new UsageException($"--limit must be >= 1 (got {pr.GetValue(limit)})");
            using var store = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr)).OpenStore();
            var sweep = store.Sweep(pr.GetValue(id)!);
            var states = pr.GetValue(state) is { Length: > 0 } s ? s.ToHashSet() : null;
            var now = DateTime.UtcNow;
            var all = store.Trials(sweep.Id);
            var runs = ConfigRuns.Of(all);
            var trials = TrialOrdering.Apply(all.Where(t => states is null || states.Contains(t.Status)),
                                             pr.GetValue(sort), pr.GetValue(desc), now);
            if (pr.GetValue(limit) is { } n) trials = [.. trials.Take(n)];
            var output = pr.InvocationConfiguration.Output;
            var f = pr.GetValue(format);
            if (f == OutputFormat.Table) output.Write(TrialTable.Render(sweep, trials, pr.GetValue(curves), now, runs));
            else Write(output, new JsonArray([.. trials.Select(t => (JsonNode)SweepViews.Trial(t, pr.GetValue(curves), runs))]), f);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command Nodes()
    {
        var home = CliOptions.Home();
        var format = CliOptions.Format();
        var all = new Option<bool>("--all") { Description = "Also nodes not heard from lately (stopped or dead silos)." };
        var cluster = new ClusterFlags();
        var command = new Command("nodes", "List the GPU nodes (one per silo runner): devices, slots used and free, labels, running trials, last report.")
        {
            home, format, all,
        };
        cluster.AddTo(command);
        command.SetAction(pr => CliAction.RunAsync("nodes", pr.InvocationConfiguration.Error, () =>
        {
            using var store = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr)).OpenStore();
            var now = DateTime.UtcNow;
            // A live runner reports every 2 s and empties its devices when it leaves.
            var nodes = store.Nodes().Where(n => pr.GetValue(all) || n.Devices.Length > 0 && now - n.LastSeenUtc < NodeSilence).ToList();
            var output = pr.InvocationConfiguration.Output;
            var f = pr.GetValue(format);
            if (f == OutputFormat.Table)
            {
                var table = new TextTable("node", "host", "devices", "slots used/free", "labels", "running", "last seen");
                foreach (var n in nodes)
                    table.Add(n.Name, n.Host, string.Join(",", n.Devices), $"{n.Trials.Length}/{n.FreeSlots}",
                              string.Join(",", n.Labels.Select(kv => $"{kv.Key}={kv.Value}")),
                              string.Join(" ", n.Trials.Select(t => $"{t.SweepId}/{t.Number}@{t.Device}")),
                              $"{Math.Max(0, (now - n.LastSeenUtc).TotalSeconds).ToString("F0", CultureInfo.InvariantCulture)} s ago");
                output.Write(table.ToString());
            }
            else Write(output, new JsonArray([.. nodes.Select(n => (JsonNode)SweepViews.Node(n, now))]), f);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>A node silent this long is not listed without <c>--all</c>.</summary>
    internal static readonly TimeSpan NodeSilence = TimeSpan.FromSeconds(30);

    private static void Write(TextWriter output, JsonNode node, OutputFormat format)
    {
        if (format == OutputFormat.Json) output.WriteLine(node.ToJsonString(JsonOptions.Indented));
        else output.Write(YamlEmitter.Emit(node));
    }
}
