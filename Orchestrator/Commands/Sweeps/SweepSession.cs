using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;
using Sweep.Orchestrator.Running;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// What <c>start</c> and <c>resume</c> share: reach the home's silo (or host one with this node's runner), act on the
/// sweep, then either return at once (<c>--detach</c>) or follow it to rest and print the summary.
/// </summary>
internal sealed class SweepSession(TextWriter output, TextWriter error)
{
    public required SweepHome Home { get; init; }
    public required RunnerOptions Runner { get; init; }
    public OutputFormat Format { get; init; }
    public bool Detach { get; init; }

    public async Task<int> RunAsync(string sweepId, Func<ISweepGrain, Task<SweepInfo>> act, CancellationToken ct)
    {
        if (Detach && SiloEndpoint.ReadLive(Home) is null) await DetachedSilo.StartAsync(Home, Runner, error, ct);
        await using var connection = await SweepConnection.OpenAsync(Home, new SiloSettings { Home = Home, Runner = Runner }, ct);
        var sweep = connection.Grains.GetGrain<ISweepGrain>(sweepId);
        var info = await act(sweep);
        if (Detach)
        {
            output.WriteLine(info.Id);
            error.WriteLine($"sweep {info.Id} runs in the background (silo pid {SiloEndpoint.ReadLive(Home)?.ProcessId}); follow it with `sweep status {info.Id} --watch`");
            return ExitCodes.Ok;
        }
        if (connection.IsHosted)
            error.WriteLine($"sweep {info.Id}: {info.MaxTrials} trials, state in {Home.Database}; Ctrl+C leaves it resumable (`sweep resume {info.Id}`)");
        var final = await new SweepWatcher(error, !Console.IsErrorRedirected).FollowAsync(sweep, TimeSpan.FromMilliseconds(500), ct);
        if (ct.IsCancellationRequested && !final.IsResting)
        {
            error.WriteLine($"sweep {final.Id} interrupted; `sweep resume {final.Id}` continues it");
            return ExitCodes.Interrupted;
        }
        var best = final.BestTrial is { } b ? (await sweep.TrialsAsync()).FirstOrDefault(t => t.Number == b) : null;
        SummaryWriter.Write(output, final, best, Format);
        return final.Status == SweepStatus.Failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
