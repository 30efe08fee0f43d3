using System.CommandLine;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// <c>sweep stop|cancel|pause ID</c>: sent to the cluster, or to the silo serving the home; with none running, applied
/// to the stored sweep through a silo hosted for the call (which runs no trials).
/// </summary>
public static class ControlCommands
{
    public static IEnumerable<Command> Create() =>
    [
        Make("stop", "Drain a sweep: no new trials; running ones finish.", s => s.StopAsync()),
        Make("cancel", "Cancel a sweep: kill its running trials (they fail as cancelled).", s => s.CancelAsync()),
        Make("pause", "Pause a sweep: kill its running trials and keep them pending until `sweep resume`.", s => s.PauseAsync()),
    ];

    private static Command Make(string verb, string description, Func<ISweepGrain, Task<SweepInfo>> act)
    {
        var id = CliOptions.SweepId();
        var home = CliOptions.Home();
        var format = CliOptions.Format();
        var cluster = new ClusterFlags();
        var command = new Command(verb, description) { id, home, format };
        cluster.AddTo(command);
        command.SetAction((pr, ct) => CliAction.RunAsync(verb, pr.InvocationConfiguration.Error, async () =>
        {
            var target = SweepTarget.Existing(pr.GetValue(home), cluster.Read(pr));
            var sweepId = pr.GetValue(id)!;
            using (var store = target.OpenStore()) store.Sweep(sweepId);      // unknown id: exit 2 before any silo starts
            await using var connection = await target.ConnectAsync(ct);
            var info = await act(connection.Grains.GetGrain<ISweepGrain>(sweepId));
            ReadCommands.WriteSweep(pr.InvocationConfiguration.Output, info, pr.GetValue(format));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
