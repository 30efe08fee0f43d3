using System.CommandLine;
using Sweep.Orchestrator.Cluster;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>The flags that switch a verb from a home to a cluster (<c>--cluster URL</c> or <c>SWEEP_CLUSTER</c>).</summary>
internal sealed class ClusterFlags
{
    private readonly Option<string?> _cluster = new("--cluster")
    {
        Description = "The cluster's PostgreSQL database: postgres://USER@HOST[:PORT]/DATABASE or Host=…;Database=…;Username=… " +
                      "(default: SWEEP_CLUSTER; none: this machine's home). The password comes from --password-file or PGPASSFILE.",
    };

    private readonly Option<string?> _clusterId = new("--cluster-id")
    {
        Description = $"The cluster's id in that database (default: SWEEP_CLUSTER_ID, else '{ClusterSettings.DefaultClusterId}').",
    };

    private readonly Option<string?> _serviceId = new("--service-id")
    {
        Description = $"The service the cluster belongs to (default: SWEEP_SERVICE_ID, else '{ClusterSettings.DefaultServiceId}').",
    };

    private readonly Option<string?> _key = new("--key")
    {
        Description = "The cluster key file every silo and client shares (default: SWEEP_KEY, else ~/.config/sweep/cluster-key.pfx; made on first use).",
    };

    private readonly Option<string?> _passwordFile = new("--password-file")
    {
        Description = "A file whose first line is the database password (or use a pgpass file named by PGPASSFILE).",
    };

    public void AddTo(Command command)
    {
        command.Add(_cluster);
        command.Add(_clusterId);
        command.Add(_serviceId);
        command.Add(_key);
        command.Add(_passwordFile);
    }

    /// <summary>The cluster the flags or the environment name; null for a home.</summary>
    public ClusterSettings? Read(ParseResult pr) =>
        ClusterSettings.From(pr.GetValue(_cluster), pr.GetValue(_clusterId), pr.GetValue(_serviceId), pr.GetValue(_key), pr.GetValue(_passwordFile));
}
