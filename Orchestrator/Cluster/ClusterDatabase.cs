using Npgsql;

namespace Sweep.Orchestrator.Cluster;

/// <summary>Reaching the cluster's database and making its schema current, with errors that name the database.</summary>
public static class ClusterDatabase
{
    /// <summary>
    /// Makes the schema current, then registers a joining silo (<paramref name="silo"/>) or checks that a client's
    /// cluster exists, matches and has a live silo.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database cannot be reached or refuses the login.</exception>
    /// <exception cref="Hosting.UsageException">The cluster refuses this process (see <see cref="ClusterRegistry"/>).</exception>
    public static async Task PrepareAsync(NpgsqlDataSource database, ClusterSettings cluster, bool silo, CancellationToken ct = default)
    {
        try
        {
            await ClusterSchema.MigrateAsync(database, ct);
            if (silo) await ClusterRegistry.JoinAsync(database, cluster, ct);
            else await ClusterRegistry.CheckClientAsync(database, cluster, ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            throw Unreachable(cluster, e);
        }
    }

    public static InvalidOperationException Unreachable(ClusterSettings cluster, Exception e) => new(
        $"cannot use the cluster database {cluster.Database}: {(e is PostgresException p ? p.MessageText : e.Message)}" +
        (e is PostgresException { SqlState: "28P01" or "28000" } ? " (check the password: --password-file or PGPASSFILE)" : ""),
        e);
}
