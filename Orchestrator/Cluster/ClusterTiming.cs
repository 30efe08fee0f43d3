using Orleans.Configuration;

namespace Sweep.Orchestrator.Cluster;

/// <summary>
/// How fast a cluster notices a dead silo and hands its trials on. Orleans' defaults (5 s probes, 3 misses, 2 votes,
/// 1 min table refresh) take half a minute or more; trials are expensive and GPU nodes few, so Sweep probes every
/// 3 s and declares a silo dead after 3 missed probes (about 10 s), and trial leases last 10 s.
/// </summary>
public static class ClusterTiming
{
    /// <summary>A trial whose runner has not beaten for this long goes back to the queue (cluster mode).</summary>
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often the sweeps check leases (cluster mode).</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    /// <summary>Inside a Kubernetes pod (the downward API gives POD_NAME): Orleans' Kubernetes hosting takes over naming.</summary>
    public static bool InKubernetes =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("POD_NAME"));

    public static void Configure(ISiloBuilder silo)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(3);
            o.NumMissedProbesLimit = 3;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(30);
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(60);
        });
        // Clients and silos learn of new gateways within seconds, not a minute.
        silo.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
    }

    public static void Configure(IClientBuilder client) =>
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
}
