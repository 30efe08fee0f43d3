using System.CommandLine;
using System.Globalization;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Cluster;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep silo</c>: hosts a silo with this node's trial runner until SIGINT/SIGTERM. Without <c>--cluster</c> it
/// serves one home (the other verbs connect to it), and may exit once no sweep has been active for a while. With
/// <c>--cluster</c> it joins the cluster and runs the trials its sweeps hand out; SIGTERM drains it first.
/// </summary>
public static class SiloCommand
{
    private static readonly TimeSpan DefaultDrainGrace = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var home = CliOptions.Home();
        var gpus = CliOptions.Gpus();
        var cpuSlots = CliOptions.CpuSlots();
        var slotsPerGpu = CliOptions.SlotsPerGpu();
        var labels = CliOptions.Labels();
        var gpuMemory = new Option<double?>("--gpu-memory-gb") { Description = "Memory of each GPU in GB: trials that declare trial.gpuMemoryGb share a GPU while they fit." };
        var node = new Option<string?>("--node") { Description = "This node's name in `sweep nodes` and in each trial's record (default: the host name). Unique per silo." };
        var advertise = new Option<string?>("--advertise") { Description = "With --cluster: the address (or host name) other silos and clients reach this one at (default: loopback when the database is local, else the first network address)." };
        var siloPort = new Option<int?>("--silo-port") { Description = "With --cluster: the silo-to-silo port (default 11111; 0 picks a free one)." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "With --cluster: the port clients connect to (default 30000; 0 picks a free one)." };
        var drain = new Option<int?>("--drain-grace") { Description = "With --cluster: seconds running trials get to finish after SIGTERM before they go back to the queue (default 60)." };
        var idle = new Option<int?>("--exit-when-idle") { Description = "Exit after this many seconds without an active sweep." };
        var cluster = new ClusterFlags();
        var telemetry = new TelemetryFlags();
        var web = new WebFlags();
        var command = new Command("silo", "Run a silo with this node's trial runner: a home's (the other verbs connect to it), or one of a cluster's (--cluster).")
        {
            home, gpus, cpuSlots, slotsPerGpu, gpuMemory, labels, node, advertise, siloPort, gatewayPort, drain, idle,
        };
        cluster.AddTo(command);
        telemetry.AddTo(command);
        web.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync("silo", pr.InvocationConfiguration.Error, async () =>
        {
            var error = pr.InvocationConfiguration.Error;
            var clusterSettings = cluster.Read(pr);
            var metrics = telemetry.Read(pr);
            if (clusterSettings is null && (pr.GetValue(advertise) ?? (object?)pr.GetValue(siloPort) ?? pr.GetValue(gatewayPort) ?? pr.GetValue(drain)) is not null)
                throw new UsageException("--advertise, --silo-port, --gateway-port and --drain-grace need --cluster URL (or SWEEP_CLUSTER)");
            foreach (var (option, value) in new[] { ("--silo-port", pr.GetValue(siloPort)), ("--gateway-port", pr.GetValue(gatewayPort)) })
                if (value is < 0 or > 65535) throw new UsageException($"{option} must be 0..65535 (got {value})");
            if (pr.GetValue(drain) is < 0) throw new UsageException($"--drain-grace must be >= 0 seconds (got {pr.GetValue(drain)})");
            if (pr.GetValue(node) is { } n && (n.Length is 0 or > 100 || n.Any(char.IsControl)))
                throw new UsageException($"--node '{n}': give a name of 1 to 100 printable characters");
            var webSettings = web.Read(pr);
            var h = SweepHome.Create(pr.GetValue(home));
            var runner = RunnerSettings.From(h, pr.GetValue(gpus), pr.GetValue(cpuSlots), pr.GetValue(slotsPerGpu), Environment.ProcessorCount,
                                             pr.GetValue(labels), pr.GetValue(gpuMemory));
            if (pr.GetValue(node) is { } name) runner.NodeName = name;
            if (clusterSettings is not null) runner.DrainGrace = pr.GetValue(drain) is { } d ? TimeSpan.FromSeconds(d) : DefaultDrainGrace;
            var settings = new SiloSettings
            {
                Home = h, Runner = runner, Telemetry = metrics, LogLevel = Verbosity.LogLevelOr(Microsoft.Extensions.Logging.LogLevel.Information),
                Cluster = clusterSettings, Web = webSettings, Advertise = pr.GetValue(advertise), SiloPort = pr.GetValue(siloPort), GatewayPort = pr.GetValue(gatewayPort),
                Engine = clusterSettings is null ? new SweepEngineOptions() : new SweepEngineOptions { LeaseTimeout = ClusterTiming.LeaseTimeout, TickInterval = ClusterTiming.TickInterval },
            };
            await using var silo = await SweepSilo.StartAsync(settings, ct);
            error.WriteLine(clusterSettings is null
                ? $"silo for {h.Path}: gateway 127.0.0.1:{silo.Endpoint.GatewayPort}, pid {silo.Endpoint.ProcessId}"
                : $"silo {runner.NodeName} joined cluster '{clusterSettings.ClusterId}' ({clusterSettings.Database}) at {silo.Address}:{silo.Endpoint.SiloPort}, " +
                  $"gateway {silo.Endpoint.GatewayPort}, {runner.SlotDevices().Count} slots, pid {silo.Endpoint.ProcessId}; SIGTERM drains it " +
                  $"({runner.DrainGrace.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
            if (metrics.MetricsUrl is { } metricsUrl) error.WriteLine($"silo: metrics go to {metricsUrl} (OTLP, every {metrics.ExportInterval.TotalSeconds:F0} s)");
            if (silo.WebUrl is { } url) error.WriteLine($"web: {url}");
            var idleSince = DateTime.UtcNow;
            while (!ct.IsCancellationRequested)
            {
                try { await Task.Delay(1000, ct); } catch (OperationCanceledException) { break; }
                if (pr.GetValue(idle) is not { } limit) continue;
                if ((await silo.Grains.GetGrain<ISweepDirectoryGrain>(0).ActiveAsync()).Length > 0) idleSince = DateTime.UtcNow;
                else if (DateTime.UtcNow - idleSince > TimeSpan.FromSeconds(limit)) break;
            }
            if (clusterSettings is not null) error.WriteLine($"silo {runner.NodeName}: draining, then leaving cluster '{clusterSettings.ClusterId}'");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
