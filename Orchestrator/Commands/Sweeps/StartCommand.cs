using System.CommandLine;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep start spec.yaml [--home DIR] [--id ID] [--detach] [-f table|json|yaml] [--gpus 0,1 | --cpu-slots N]</c>:
/// validates the spec (a bad spec never starts a sweep), creates the sweep and runs it to the end on this machine,
/// or hands it to the silo already serving the home.
/// </summary>
public static class StartCommand
{
    internal const string ClusterMetrics = "--otlp-endpoint is for the process that hosts a silo; on a cluster give it to each `sweep silo`";

    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The sweep spec (YAML)." };
        var home = CliOptions.Home();
        var id = new Option<string?>("--id") { Description = "Sweep id (default: the spec's name and a random suffix)." };
        var detach = new Option<bool>("--detach") { Description = "Return at once; a background silo runs the sweep." };
        var format = CliOptions.Format();
        var gpus = CliOptions.Gpus();
        var cpuSlots = CliOptions.CpuSlots();
        var slotsPerGpu = CliOptions.SlotsPerGpu();
        var watch = new Option<bool>("--watch", "-w") { Description = "On a cluster: follow the sweep to the end instead of returning once it is stored." };
        var cluster = new ClusterFlags();
        var telemetry = new TelemetryFlags();
        var progress = new ProgressFlags();
        var web = new WebFlags();
        var command = new Command("start", "Start a sweep from a spec and run it (in-process silo, state under --home), or hand it to a cluster (--cluster).")
        {
            spec, home, id, detach, format, gpus, cpuSlots, slotsPerGpu, watch,
        };
        cluster.AddTo(command);
        telemetry.AddTo(command);
        progress.AddTo(command);
        web.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync("start", pr.InvocationConfiguration.Error, async () =>
        {
            var path = pr.GetValue(spec)!;
            if (!File.Exists(path) && !Directory.Exists(path)) throw new UsageException($"spec file {path} does not exist");
            var text = SpecLoader.ReadText(path);
            var plan = SweepPlan.Parse(text, path);
            if (!Verbosity.Quiet) foreach (var warning in plan.Spec.Warnings) pr.InvocationConfiguration.Error.WriteLine(warning.AsWarning());
            var sweepId = pr.GetValue(id) ?? SweepIds.New(plan.Spec.Name);
            if (!SweepIds.IsValid(sweepId)) throw new UsageException($"--id '{sweepId}': use letters, digits, '.', '_' or '-' (at most 100)");
            var clusterSettings = cluster.Read(pr);
            // On a cluster the silos serve the pages (`sweep web --cluster` too); the flags are checked all the same.
            var webSettings = clusterSettings is null ? web.Read(pr) : null;
            if (clusterSettings is not null && pr.GetValue(detach)) throw new UsageException("--detach is for a home; on a cluster `start` returns once the sweep is stored (add --watch to follow it)");
            if (clusterSettings is not null && telemetry.IsGiven(pr)) throw new UsageException(ClusterMetrics);
            if (clusterSettings is null && pr.GetValue(watch)) throw new UsageException("--watch is for a cluster; on a home `start` follows the sweep unless --detach");
            var metrics = clusterSettings is null ? telemetry.Read(pr) : new();
            var h = clusterSettings is null ? SweepHome.Create(pr.GetValue(home)) : SweepHome.At(pr.GetValue(home));
            // -q: progress stays off stderr; the lines that say why a run failed still come out.
            var quiet = Verbosity.Quiet ? new QuietWriter() : null;
            var session = new SweepSession(pr.InvocationConfiguration.Output, quiet ?? pr.InvocationConfiguration.Error)
            {
                Home = h,
                Cluster = clusterSettings,
                Watch = pr.GetValue(watch),
                Runner = RunnerSettings.From(h, pr.GetValue(gpus), pr.GetValue(cpuSlots), pr.GetValue(slotsPerGpu), plan.Spec.Budget.ParallelTrials),
                Telemetry = metrics,
                Format = pr.GetValue(format),
                Detach = pr.GetValue(detach),
                Progress = progress.Read(pr),
                Web = webSettings,
            };
            var code = await session.RunAsync(sweepId, s => s.CreateAsync(text, Path.GetFullPath(path)), ct);
            return quiet?.Replay(code, pr.InvocationConfiguration.Error) ?? code;
        }));
        return command;
    }
}
