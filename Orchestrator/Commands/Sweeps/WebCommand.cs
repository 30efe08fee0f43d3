using System.CommandLine;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep web --cluster URL [--web HOST:PORT] [--token-file FILE]</c>: a cluster client that serves the sweep pages,
/// their API and the silos' Orleans dashboard until SIGINT/SIGTERM. (A home's pages come from the process serving it.)
/// </summary>
public static class WebCommand
{
    public static Command Create()
    {
        var cluster = new ClusterFlags();
        var web = new WebFlags(canTurnOff: false);
        var command = new Command("web", "Serve a cluster's sweep pages, JSON API and Orleans dashboard (as a client of its silos).");
        cluster.AddTo(command);
        web.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync("web", pr.InvocationConfiguration.Error, async () =>
        {
            var settings = cluster.Read(pr)
                ?? throw new UsageException("give --cluster URL (or SWEEP_CLUSTER); a home's pages come from the process that serves it (`sweep silo --web`, `sweep start --web`)");
            var webSettings = web.Read(pr)!;
            await using var connection = await SweepConnection.ConnectAsync(settings, ct, webSettings);
            pr.InvocationConfiguration.Error.WriteLine($"web: {connection.WebUrl} (cluster '{settings.ClusterId}', {settings.Database})");
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
