using Sweep.Grains.Model;
using Sweep.Orchestrator.Cluster;
using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Output;
using Sweep.Orchestrator.Running;
using Sweep.Orchestrator.Telemetry;

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

    /// <summary>Metrics of the silo this process hosts or starts in the background; a live silo keeps its own.</summary>
    public TelemetryOptions Telemetry { get; init; } = new();

    /// <summary>The cluster the sweep goes to; null: the home on this machine.</summary>
    public ClusterSettings? Cluster { get; init; }

    /// <summary>The web host of the silo this process hosts for the home; null: none.</summary>
    public Web.WebSettings? Web { get; init; }

    /// <summary>On a cluster: follow the sweep to rest instead of returning once it is stored.</summary>
    public bool Watch { get; init; }

    /// <summary>How the followed sweep shows progress on stderr (<see cref="ProgressFlags"/>).</summary>
    public ProgressMode Progress { get; init; } = ProgressMode.Log;

    public async Task<int> RunAsync(string sweepId, Func<ISweepGrain, Task<SweepInfo>> act, CancellationToken ct)
    {
        if (Cluster is { } cluster) return await RunOnClusterAsync(cluster, sweepId, act, ct);
        var started = Detach && SiloEndpoint.ReadLive(Home) is null;
        if (started) await DetachedSilo.StartAsync(Home, Runner, Telemetry, Web, error, ct);
        await using var connection = await SweepConnection.OpenAsync(Home, new SiloSettings { Home = Home, Runner = Runner, Telemetry = Telemetry, Web = Web }, ct);
        if (Telemetry.OtlpEndpoint is not null && !started && !connection.IsHosted)
            error.WriteLine($"note: the silo already serving {Home.Path} (pid {SiloEndpoint.ReadLive(Home)?.ProcessId}) exports its own metrics; " +
                            "--otlp-endpoint applies to a silo this command starts");
        if (connection.Silo?.WebUrl is { } url) error.WriteLine($"web: {url}");
        var sweep = connection.Grains.GetGrain<ISweepGrain>(sweepId);
        var since = DateTime.UtcNow;
        var info = await act(sweep);
        if (Detach)
        {
            output.WriteLine(info.Id);
            error.WriteLine($"sweep {info.Id} runs in the background (silo pid {SiloEndpoint.ReadLive(Home)?.ProcessId}); follow it with `sweep status {info.Id} --watch`");
            return ExitCodes.Ok;
        }
        if (connection.IsHosted)
            error.WriteLine($"sweep {info.Id}: {info.MaxTrials} trials, state in {Home.Database}; Ctrl+C leaves it resumable (`sweep resume {info.Id}`)");
        return await FollowAsync(connection, sweep, info, since, ct);
    }

    /// <summary>The cluster's silos run the sweep: store it (or resume it), print its id, and follow it only with <see cref="Watch"/>.</summary>
    private async Task<int> RunOnClusterAsync(ClusterSettings cluster, string sweepId, Func<ISweepGrain, Task<SweepInfo>> act, CancellationToken ct)
    {
        await using var connection = await SweepConnection.ConnectAsync(cluster, ct);
        var sweep = connection.Grains.GetGrain<ISweepGrain>(sweepId);
        var since = DateTime.UtcNow;
        var info = await act(sweep);
        if (Watch) return await FollowAsync(connection, sweep, info, since, ct);
        if (Format == OutputFormat.Json) output.WriteLine(new System.Text.Json.Nodes.JsonObject { ["id"] = info.Id }.ToJsonString());
        else if (Format == OutputFormat.Yaml) output.WriteLine($"id: {info.Id}");
        else output.WriteLine(info.Id);
        error.WriteLine($"sweep {info.Id}: {info.MaxTrials} trials, stored in cluster '{cluster.ClusterId}' ({cluster.Database}); its silos run it. " +
                        $"Follow it with `sweep status {info.Id} --watch`");
        return ExitCodes.Ok;
    }

    /// <summary>Follows the sweep to rest; trials that finished before <paramref name="since"/> (a resumed sweep's) are not told again.</summary>
    private async Task<int> FollowAsync(SweepConnection connection, ISweepGrain sweep, SweepInfo info, DateTime since, CancellationToken ct)
    {
        SweepInfo final;
        try
        {
            final = await new SweepWatcher(error, Progress, since).FollowAsync(sweep, TimeSpan.FromMilliseconds(500), ct);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException && !connection.IsHosted)
        {
            // The process serving the home went away under us (it ended, or was killed).
            error.WriteLine(Cluster is null
                ? $"sweep {info.Id}: the process serving {Home.Path} stopped; `sweep resume {info.Id}` continues the sweep"
                : $"sweep {info.Id}: lost the connection to cluster '{Cluster.ClusterId}'; the sweep goes on there (`sweep status {info.Id} --watch`)");
            return ExitCodes.Failed;
        }
        if (ct.IsCancellationRequested && !final.IsResting)
        {
            error.WriteLine(Cluster is null
                ? $"sweep {final.Id} interrupted; `sweep resume {final.Id}` continues it"
                : $"stopped following sweep {final.Id}; it goes on in cluster '{Cluster.ClusterId}'");
            return Termination.ExitCode;
        }
        if (final.Cause == SweepRestCause.DiskFull)
        {
            error.WriteLine($"sweep {final.Id} paused: {final.Reason}");
            return ExitCodes.Failed;
        }
        var best = final.BestTrial is { } b ? (await sweep.TrialsAsync()).FirstOrDefault(t => t.Number == b) : null;
        SummaryWriter.Write(output, final, best, Format);
        var code = final.Status == SweepStatus.Failed ? ExitCodes.Failed : ExitCodes.Ok;
        if (connection.IsHosted && await ServeOthersAsync(connection.Grains, final.Id, ct) is { } interrupted) return interrupted;
        return code;
    }

    /// <summary>
    /// Another <c>sweep start</c> on this home runs its sweep through this process's silo: keep serving until every
    /// sweep of the home rests, rather than pull the silo from under it. The exit code when interrupted, else null.
    /// </summary>
    private async Task<int?> ServeOthersAsync(IGrainFactory grains, string done, CancellationToken ct)
    {
        var announced = false;
        var quiet = 0;
        while (!ct.IsCancellationRequested)
        {
            var others = (await grains.GetGrain<ISweepDirectoryGrain>(0).ActiveAsync()).Where(id => id != done).ToList();
            // Two quiet looks 2 s apart: a start that found this silo a moment ago is still making its sweep.
            if (others.Count == 0 && ++quiet == 2) return null;
            if (others.Count == 0)
            {
                try { await Task.Delay(2000, ct); } catch (OperationCanceledException) { }
                continue;
            }
            quiet = 0;
            if (!announced)
                error.WriteLine($"sweep {done} is done; this process also serves {string.Join(", ", others)} of {Home.Path}, " +
                                "and goes on until they rest (Ctrl+C leaves them resumable)");
            announced = true;
            try { await Task.Delay(1000, ct); } catch (OperationCanceledException) { }
        }
        return Termination.ExitCode;
    }
}
