using System.CommandLine;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep silo [--home DIR] [--gpus 0,1 | --cpu-slots N] [--labels k=v,...] [--exit-when-idle S]</c>: hosts the silo of a home and
/// this node's trial runner until SIGINT/SIGTERM, or until no sweep has been active for S seconds.
/// </summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var home = CliOptions.Home();
        var gpus = CliOptions.Gpus();
        var cpuSlots = CliOptions.CpuSlots();
        var slotsPerGpu = CliOptions.SlotsPerGpu();
        var labels = CliOptions.Labels();
        var idle = new Option<int?>("--exit-when-idle") { Description = "Exit after this many seconds without an active sweep." };
        var command = new Command("silo", "Run the silo of a home with this node's trial runner (the other verbs connect to it).")
        {
            home, gpus, cpuSlots, slotsPerGpu, labels, idle,
        };
        command.SetAction((pr, ct) => CliAction.RunAsync("silo", pr.InvocationConfiguration.Error, async () =>
        {
            var h = SweepHome.Create(pr.GetValue(home));
            var runner = RunnerSettings.From(h, pr.GetValue(gpus), pr.GetValue(cpuSlots), pr.GetValue(slotsPerGpu), Environment.ProcessorCount, pr.GetValue(labels));
            await using var silo = await SweepSilo.StartAsync(new SiloSettings { Home = h, Runner = runner, LogLevel = Microsoft.Extensions.Logging.LogLevel.Information }, ct);
            pr.InvocationConfiguration.Error.WriteLine($"silo for {h.Path}: gateway 127.0.0.1:{silo.Endpoint.GatewayPort}, pid {silo.Endpoint.ProcessId}");
            var idleSince = DateTime.UtcNow;
            while (!ct.IsCancellationRequested)
            {
                try { await Task.Delay(1000, ct); } catch (OperationCanceledException) { break; }
                if (pr.GetValue(idle) is not { } limit) continue;
                if ((await silo.Grains.GetGrain<ISweepDirectoryGrain>(0).ActiveAsync()).Length > 0) idleSince = DateTime.UtcNow;
                else if (DateTime.UtcNow - idleSince > TimeSpan.FromSeconds(limit)) break;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
