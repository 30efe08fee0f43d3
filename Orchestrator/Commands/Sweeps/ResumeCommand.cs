using System.CommandLine;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep resume ID</c>: continues a paused, stopped, cancelled or failed sweep, or one whose process died (its
/// running trials go back to pending and run again with the same parameters).
/// </summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var id = CliOptions.SweepId();
        var home = CliOptions.Home();
        var detach = new Option<bool>("--detach") { Description = "Return at once; a background silo runs the sweep." };
        var format = CliOptions.Format();
        var gpus = CliOptions.Gpus();
        var cpuSlots = CliOptions.CpuSlots();
        var slotsPerGpu = CliOptions.SlotsPerGpu();
        var watch = new Option<bool>("--watch", "-w") { Description = "On a cluster: follow the sweep to the end instead of returning at once." };
        var cluster = new ClusterFlags();
        var telemetry = new TelemetryFlags();
        var progress = new ProgressFlags();
        var web = new WebFlags();
        var command = new Command("resume", "Continue a sweep (paused, stopped, or whose process died).")
        {
            id, home, detach, format, gpus, cpuSlots, slotsPerGpu, watch,
        };
        cluster.AddTo(command);
        telemetry.AddTo(command);
        progress.AddTo(command);
        web.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync("resume", pr.InvocationConfiguration.Error, async () =>
        {
            var target = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr));
            if (target.Cluster is not null && pr.GetValue(detach)) throw new UsageException("--detach is for a home; on a cluster `resume` returns at once (add --watch to follow)");
            if (target.Cluster is not null && telemetry.IsGiven(pr)) throw new UsageException(StartCommand.ClusterMetrics);
            var metrics = target.Cluster is null ? telemetry.Read(pr) : new();
            var webSettings = target.Cluster is null ? web.Read(pr) : null;
            var h = target.Home ?? SweepHome.At(pr.GetValue(home));
            var sweepId = pr.GetValue(id)!;
            int parallel;
            using (var store = target.OpenStore())
                parallel = Grains.Sweeps.SweepPlan.Parse(store.Sweep(sweepId).SpecText, sweepId).Spec.Budget.ParallelTrials;
            // -q: progress stays off stderr; the lines that say why a run failed still come out.
            var quiet = Verbosity.Quiet ? new QuietWriter() : null;
            var session = new SweepSession(pr.InvocationConfiguration.Output, quiet ?? pr.InvocationConfiguration.Error)
            {
                Home = h,
                Cluster = target.Cluster,
                Watch = pr.GetValue(watch),
                Runner = RunnerSettings.From(h, pr.GetValue(gpus), pr.GetValue(cpuSlots), pr.GetValue(slotsPerGpu), parallel),
                Telemetry = metrics,
                Format = pr.GetValue(format),
                Detach = pr.GetValue(detach),
                Progress = progress.Read(pr),
                Web = webSettings,
            };
            var code = await session.RunAsync(sweepId, s => s.ResumeAsync(), ct);
            return quiet?.Replay(code, pr.InvocationConfiguration.Error) ?? code;
        }));
        return command;
    }
}
