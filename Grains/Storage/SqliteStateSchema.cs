using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace Sweep.Grains.Storage;

/// <summary>Connection set-up and the DDL shared by the silo's storage and out-of-silo readers.</summary>
internal static class SqliteStateSchema
{
    // etag grows on every write and on clear; a NULL payload is a cleared (tombstoned) state.
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name  TEXT    NOT NULL,
            grain_id    TEXT    NOT NULL,
            etag        INTEGER NOT NULL,
            payload     TEXT,
            updated_utc TEXT    NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS trial_progress (
            sweep_id    TEXT    NOT NULL,
            number      INTEGER NOT NULL,
            step        INTEGER NOT NULL,
            value       REAL    NOT NULL,
            PRIMARY KEY (sweep_id, number, step)
        ) WITHOUT ROWID;
        """;

    /// <summary>Opens (creating if needed) the file in WAL mode with the table in place.</summary>
    public static SqliteConnection OpenReadWrite(string path, TimeSpan busyTimeout)
    {
        var connection = Open(path, SqliteOpenMode.ReadWriteCreate, busyTimeout);
        try
        {
            // WAL lets other processes read while the silo writes; NORMAL skips the fsync per commit
            // (a power cut may lose the last commits, never corrupt the file).
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute(connection, CreateTable);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing file read-only; it never creates the file or the table.</summary>
    public static SqliteConnection OpenReadOnly(string path, TimeSpan busyTimeout) =>
        Open(path, SqliteOpenMode.ReadOnly, busyTimeout);

    /// <summary>Whether a table exists (a reader may open the file before the silo's first write, or an older one's).</summary>
    public static bool TableExists(SqliteConnection connection, string table = "grain_state")
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $t";
        command.Parameters.AddWithValue("$t", table);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>A sweep's rows of <c>trial_progress</c>: trial number → step → value.</summary>
    public static ImmutableDictionary<int, ImmutableSortedDictionary<int, double>> ReadProgress(SqliteConnection connection, string sweepId)
    {
        if (!TableExists(connection, "trial_progress")) return ImmutableDictionary<int, ImmutableSortedDictionary<int, double>>.Empty;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, step, value FROM trial_progress WHERE sweep_id = $s";
        command.Parameters.AddWithValue("$s", sweepId);
        using var reader = command.ExecuteReader();
        return StoredRows.Progress(reader);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            // No pooling: disposing the provider or reader really closes the file (tests reopen it, WAL checkpoints).
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
