using System.Reflection;
using Npgsql;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Cluster;

/// <summary>
/// The cluster database's tables, created on first use and versioned: <c>sweep_schema</c> lists the applied versions,
/// each an embedded <c>Schema/NNN-*.sql</c> applied once in a transaction under an advisory lock, so silos starting
/// together neither race nor apply a step twice, and a later release migrates by adding a file.
/// </summary>
public static class ClusterSchema
{
    // Any constant works: it names the lock every Sweep process takes while it migrates.
    private const long MigrationLock = 0x53_57_45_45_50_01;

    private static readonly IReadOnlyList<(int Version, string Resource)> Steps = [.. typeof(ClusterSchema).Assembly.GetManifestResourceNames()
        .Where(n => n.Contains(".Cluster.Schema.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => (Version: int.Parse(n.Split(".Cluster.Schema.")[1][..3], System.Globalization.CultureInfo.InvariantCulture), Resource: n))
        .OrderBy(s => s.Version)];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int Current => Steps[^1].Version;

    /// <summary>Brings the database up to <see cref="Current"/>; the versions it applied (none when it was current).</summary>
    /// <exception cref="UsageException">The database was migrated by a newer Sweep.</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock})", ct);
        await ExecuteAsync(connection, tx, "CREATE TABLE IF NOT EXISTS sweep_schema (version integer PRIMARY KEY, applied_utc timestamptz NOT NULL DEFAULT now())", ct);
        await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM sweep_schema", connection, tx))
        {
            var have = (int)(await read.ExecuteScalarAsync(ct))!;
            if (have > Current)
                throw new UsageException($"the cluster database {Grains.Storage.PostgresDatabase.Describe(database)} has schema version {have}, newer than this Sweep's {Current}: upgrade sweep on this machine");
            var applied = new List<int>();
            foreach (var (version, resource) in Steps.Where(s => s.Version > have))
            {
                await ExecuteAsync(connection, tx, ReadResource(resource), ct);
                await ExecuteAsync(connection, tx, $"INSERT INTO sweep_schema (version) VALUES ({version})", ct);
                applied.Add(version);
            }
            await tx.CommitAsync(ct);
            return applied;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
