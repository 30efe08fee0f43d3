using Npgsql;

namespace Sweep.Grains.Storage;

/// <summary>
/// <see cref="IStateRows"/> in PostgreSQL: the same <c>grain_state</c> rows as the SQLite file (so the read verbs
/// query either the same way), one pooled connection per statement, so grains on one silo write concurrently.
/// The table is created by the cluster's schema migrations before any silo serves.
/// </summary>
internal sealed class PostgresStateRows(NpgsqlDataSource database, string serviceId) : IStateRows
{
    public string Where { get; } = PostgresDatabase.Describe(database);

    public async Task<(long Etag, string? Payload)?> ReadAsync(string stateName, string grainId)
    {
        await using var command = Command("SELECT etag, payload FROM grain_state WHERE service_id = @v AND state_name = @s AND grain_id = @g", stateName, grainId);
        await using var reader = await RunAsync(() => command.ExecuteReaderAsync());
        if (!await reader.ReadAsync()) return null;
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public async Task<long?> InsertAsync(string stateName, string grainId, string? payload, StateFence? fence = null)
    {
        await using var command = Command($"""
            INSERT INTO grain_state (service_id, state_name, grain_id, etag, payload, updated_utc)
            SELECT @v, @s, @g, 1, @p, now() WHERE {(fence is null ? "true" : FenceHolds)}
            ON CONFLICT (service_id, state_name, grain_id) DO NOTHING RETURNING etag
            """, stateName, grainId);
        command.Parameters.AddWithValue("p", NpgsqlTypes.NpgsqlDbType.Text, (object?)payload ?? DBNull.Value);
        Bind(command, fence);
        return await RunAsync(() => command.ExecuteScalarAsync()) is long etag ? etag : null;
    }

    public async Task<long?> UpdateAsync(string stateName, string grainId, long expectedEtag, string? payload, StateFence? fence = null)
    {
        await using var command = Command($"""
            UPDATE grain_state SET etag = etag + 1, payload = @p, updated_utc = now()
            WHERE service_id = @v AND state_name = @s AND grain_id = @g AND etag = @e AND {(fence is null ? "true" : FenceHolds)} RETURNING etag
            """, stateName, grainId);
        command.Parameters.AddWithValue("p", NpgsqlTypes.NpgsqlDbType.Text, (object?)payload ?? DBNull.Value);
        command.Parameters.AddWithValue("e", expectedEtag);
        Bind(command, fence);
        return await RunAsync(() => command.ExecuteScalarAsync()) is long etag ? etag : null;
    }

    public void Dispose()
    {
        // The data source belongs to the silo's services, not to this provider.
    }

    // FOR SHARE: a writer moving the fence row concurrently is waited for, and the condition re-read after it.
    private const string FenceHolds =
        "EXISTS (SELECT 1 FROM grain_state f WHERE f.service_id = @v AND f.state_name = @fs AND f.grain_id = @fg AND f.etag = @fe FOR SHARE)";

    private static void Bind(NpgsqlCommand command, StateFence? fence)
    {
        if (fence is null) return;
        command.Parameters.AddWithValue("fs", fence.StateName);
        command.Parameters.AddWithValue("fg", fence.GrainId);
        command.Parameters.AddWithValue("fe", fence.Etag);
    }

    private NpgsqlCommand Command(string sql, string stateName, string grainId)
    {
        var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("v", serviceId);
        command.Parameters.AddWithValue("s", stateName);
        command.Parameters.AddWithValue("g", grainId);
        return command;
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (StorageFullException.Is(e))
        {
            throw new StorageFullException(Where);
        }
    }
}
