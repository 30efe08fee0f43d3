using Sweep.Orchestrator.Cluster;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Store;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>Where a verb finds the sweeps: a home on this machine, or a cluster (its database and its silos).</summary>
internal sealed record SweepTarget(SweepHome? Home, ClusterSettings? Cluster)
{
    /// <summary>A cluster when the flags or SWEEP_CLUSTER name one, else the home, which must exist.</summary>
    public static SweepTarget Existing(string? home, ClusterSettings? cluster) =>
        cluster is not null ? new SweepTarget(null, cluster) : new SweepTarget(SweepHome.Existing(home), null);

    public string Where => Cluster?.Database ?? Home!.Path;

    public SweepStore OpenStore() => Cluster is { } c ? SweepStore.Open(c) : SweepStore.Open(Home!);

    /// <summary>Whether something runs the sweeps now: a live silo of the home, or of the cluster.</summary>
    public async Task<bool> IsServedAsync(CancellationToken ct = default)
    {
        if (Cluster is not { } c) return SiloEndpoint.ReadLive(Home!) is not null;
        await using var database = c.OpenDataSource();
        return await ClusterRegistry.LiveSilosAsync(database, c.ClusterId, ct) > 0;
    }

    /// <summary>The cluster's client, or the home's live silo, or a silo hosted for the call (which runs no trials).</summary>
    public Task<SweepConnection> ConnectAsync(CancellationToken ct) => Cluster is { } c
        ? SweepConnection.ConnectAsync(c, ct)
        : SweepConnection.OpenAsync(Home!, new SiloSettings { Home = Home! }, ct);
}
