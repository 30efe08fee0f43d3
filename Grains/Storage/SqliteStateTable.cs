using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sweep.Grains.Storage;

/// <summary>
/// The read-write statements on <c>grain_state</c> over one connection. Not thread-safe: the owner serializes calls.
/// Writes are single conditional statements, so a second writer process cannot slip between check and write.
/// </summary>
internal sealed class SqliteStateTable(SqliteConnection connection) : IDisposable
{
    private readonly SqliteConnection _connection = connection;

    private readonly SqliteCommand _read = Prepare(connection,
        "SELECT etag, payload FROM grain_state WHERE state_name = $s AND grain_id = $g");

    private readonly SqliteCommand _insert = Prepare(connection, """
        INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_utc) VALUES ($s, $g, 1, $p, $u)
        ON CONFLICT (state_name, grain_id) DO NOTHING RETURNING etag
        """);

    private readonly SqliteCommand _update = Prepare(connection, """
        UPDATE grain_state SET etag = etag + 1, payload = $p, updated_utc = $u
        WHERE state_name = $s AND grain_id = $g AND etag = $e RETURNING etag
        """);

    private readonly SqliteCommand _fencedInsert = Prepare(connection, $"""
        INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_utc) SELECT $s, $g, 1, $p, $u WHERE {FenceHolds}
        ON CONFLICT (state_name, grain_id) DO NOTHING RETURNING etag
        """);

    private readonly SqliteCommand _fencedUpdate = Prepare(connection, $"""
        UPDATE grain_state SET etag = etag + 1, payload = $p, updated_utc = $u
        WHERE state_name = $s AND grain_id = $g AND etag = $e AND {FenceHolds} RETURNING etag
        """);

    private const string FenceHolds = "EXISTS (SELECT 1 FROM grain_state f WHERE f.state_name = $fs AND f.grain_id = $fg AND f.etag = $fe)";

    /// <summary>The stored row, or null when there is none; a null payload is a cleared state.</summary>
    public (long Etag, string? Payload)? Read(string stateName, string grainId)
    {
        Bind(_read, stateName, grainId);
        using var reader = _read.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>Inserts with etag 1; null when a row already exists or the <paramref name="fence"/> row moved.</summary>
    public long? Insert(string stateName, string grainId, string? payload, StateFence? fence = null)
    {
        var command = fence is null ? _insert : _fencedInsert;
        Bind(command, stateName, grainId, fence);
        command.Parameters["$p"].Value = (object?)payload ?? DBNull.Value;
        command.Parameters["$u"].Value = Now();
        return command.ExecuteScalar() is long etag ? etag : null;
    }

    /// <summary>Replaces the payload (null = clear) when the etag matches and the fence holds; the new etag, or null on a mismatch.</summary>
    public long? Update(string stateName, string grainId, long expectedEtag, string? payload, StateFence? fence = null)
    {
        var command = fence is null ? _update : _fencedUpdate;
        Bind(command, stateName, grainId, fence);
        command.Parameters["$e"].Value = expectedEtag;
        command.Parameters["$p"].Value = (object?)payload ?? DBNull.Value;
        command.Parameters["$u"].Value = Now();
        return command.ExecuteScalar() is long etag ? etag : null;
    }

    public void Dispose()
    {
        _read.Dispose();
        _insert.Dispose();
        _update.Dispose();
        _fencedInsert.Dispose();
        _fencedUpdate.Dispose();
        _connection.Dispose();
    }

    private static string Now() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static void Bind(SqliteCommand command, string stateName, string grainId, StateFence? fence = null)
    {
        command.Parameters["$s"].Value = stateName;
        command.Parameters["$g"].Value = grainId;
        if (fence is null) return;
        command.Parameters["$fs"].Value = fence.StateName;
        command.Parameters["$fg"].Value = fence.GrainId;
        command.Parameters["$fe"].Value = fence.Etag;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in new[] { "$s", "$g", "$p", "$u", "$e", "$fs", "$fg", "$fe" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
        }

        return command;
    }
}
