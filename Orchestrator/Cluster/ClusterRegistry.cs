using System.Reflection;
using Npgsql;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Cluster;

/// <summary>
/// Who may join a cluster: its row in <c>sweep_clusters</c> names its service id and the protocol its silos speak
/// (the grain interfaces and records on the wire). A silo or client of another service, or of another protocol
/// while silos of the old one live, is refused with a message that says what differs.
/// </summary>
public static class ClusterRegistry
{
    /// <summary>Bump when grain interfaces or the records they carry change incompatibly.</summary>
    public const int Protocol = 1;

    public static string SweepVersion { get; } =
        typeof(ClusterRegistry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>A silo joining: registers the cluster on first use, else checks that it matches.</summary>
    /// <exception cref="UsageException">Another service owns the cluster id, or live silos speak another protocol.</exception>
    public static async Task JoinAsync(NpgsqlDataSource database, ClusterSettings settings, CancellationToken ct = default)
    {
        await using (var insert = database.CreateCommand(
            "INSERT INTO sweep_clusters (cluster_id, service_id, protocol, sweep_version) VALUES (@c, @s, @p, @v) ON CONFLICT DO NOTHING"))
        {
            Bind(insert, settings);
            await insert.ExecuteNonQueryAsync(ct);
        }
        var row = await ReadAsync(database, settings.ClusterId, ct) ?? throw new InvalidOperationException("the cluster row vanished");
        CheckService(settings, row);
        if (row.Protocol == Protocol) return;
        if (await LiveSilosAsync(database, settings.ClusterId, ct) > 0) throw ProtocolMismatch(settings, row);
        // Nobody of the old protocol is left: the cluster id passes to this version.
        await using var update = database.CreateCommand("UPDATE sweep_clusters SET protocol = @p, sweep_version = @v WHERE cluster_id = @c");
        Bind(update, settings);
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A client connecting: the cluster must exist, match, and have a live silo.</summary>
    /// <exception cref="UsageException">What is wrong, in one line.</exception>
    public static async Task CheckClientAsync(NpgsqlDataSource database, ClusterSettings settings, CancellationToken ct = default)
    {
        var row = await ReadAsync(database, settings.ClusterId, ct);
        if (row is null)
        {
            var known = new List<string>();
            await using (var list = database.CreateCommand("SELECT cluster_id FROM sweep_clusters ORDER BY cluster_id"))
            await using (var reader = await list.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) known.Add(reader.GetString(0));
            throw new UsageException($"no cluster '{settings.ClusterId}' in {settings.Database} " +
                                     (known.Count > 0 ? $"(it has: {string.Join(", ", known)}; see --cluster-id)" : "(no silo has joined it yet: start one with `sweep silo --cluster …`)"));
        }
        CheckService(settings, row);
        if (row.Protocol != Protocol) throw ProtocolMismatch(settings, row);
        if (await LiveSilosAsync(database, settings.ClusterId, ct) == 0)
            throw new UsageException($"cluster '{settings.ClusterId}' in {settings.Database} has no live silo: start one with `sweep silo --cluster …`");
    }

    /// <summary>Silos of the cluster that are Active (Orleans status 3) in the membership table.</summary>
    public static async Task<int> LiveSilosAsync(NpgsqlDataSource database, string clusterId, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*)::integer FROM orleansmembershiptable WHERE deploymentid = @c AND status = 3 AND iamalivetime > now() - interval '2 minutes'");
        command.Parameters.AddWithValue("c", clusterId);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private static void CheckService(ClusterSettings settings, Row row)
    {
        if (row.ServiceId != settings.ServiceId)
            throw new UsageException($"cluster '{settings.ClusterId}' in {settings.Database} belongs to service '{row.ServiceId}', not '{settings.ServiceId}' (see --service-id)");
    }

    private static UsageException ProtocolMismatch(ClusterSettings settings, Row row) =>
        new($"cluster '{settings.ClusterId}' runs Sweep {row.SweepVersion} (protocol {row.Protocol}); this is Sweep {SweepVersion} (protocol {Protocol}): " +
            "run one version across the cluster, or join another --cluster-id");

    private static async Task<Row?> ReadAsync(NpgsqlDataSource database, string clusterId, CancellationToken ct)
    {
        await using var command = database.CreateCommand("SELECT service_id, protocol, sweep_version FROM sweep_clusters WHERE cluster_id = @c");
        command.Parameters.AddWithValue("c", clusterId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new Row(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)) : null;
    }

    private static void Bind(NpgsqlCommand command, ClusterSettings settings)
    {
        command.Parameters.AddWithValue("c", settings.ClusterId);
        command.Parameters.AddWithValue("s", settings.ServiceId);
        command.Parameters.AddWithValue("p", Protocol);
        command.Parameters.AddWithValue("v", SweepVersion);
    }

    private sealed record Row(string ServiceId, int Protocol, string SweepVersion);
}
