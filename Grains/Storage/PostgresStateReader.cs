using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;

namespace Sweep.Grains.Storage;

/// <summary><see cref="IStateReader"/> over a cluster's PostgreSQL database: the rows the silos of one service wrote.</summary>
public sealed class PostgresStateReader(NpgsqlDataSource database, string serviceId, JsonSerializerOptions? jsonOptions = null) : IStateReader
{
    private readonly JsonSerializerOptions _json = jsonOptions ?? StoredStateJson.Options;

    public string Where { get; } = PostgresDatabase.Describe(database);

    public T? Get<T>(string stateName, string grainId)
    {
        using var command = database.CreateCommand("SELECT payload FROM grain_state WHERE service_id = @v AND state_name = @s AND grain_id = @g AND payload IS NOT NULL");
        command.Parameters.AddWithValue("v", serviceId);
        command.Parameters.AddWithValue("s", stateName);
        command.Parameters.AddWithValue("g", grainId);
        return command.ExecuteScalar() is string payload ? StoredStateCorruptedException.Deserialize<T>(payload, _json, stateName, grainId, Where) : default;
    }

    public IReadOnlyList<(string GrainId, T State)> List<T>(string stateName, string? grainIdPrefix = null, Action<StoredStateCorruptedException>? onDamaged = null)
    {
        // left(), not LIKE: grain ids may contain '%' and '_'.
        using var command = database.CreateCommand("""
            SELECT grain_id, payload FROM grain_state
            WHERE service_id = @v AND state_name = @s AND payload IS NOT NULL AND left(grain_id, length(@p)) = @p
            ORDER BY grain_id COLLATE "C"
            """);
        command.Parameters.AddWithValue("s", stateName);
        command.Parameters.AddWithValue("p", grainIdPrefix ?? "");
        command.Parameters.AddWithValue("v", serviceId);
        using var reader = command.ExecuteReader();
        return StoredRows.States<T>(reader, _json, stateName, Where, onDamaged);
    }

    public ImmutableDictionary<int, ImmutableSortedDictionary<int, double>> Progress(string sweepId)
    {
        using var command = database.CreateCommand("SELECT number, step, value FROM trial_progress WHERE service_id = @v AND sweep_id = @s");
        command.Parameters.AddWithValue("v", serviceId);
        command.Parameters.AddWithValue("s", sweepId);
        using var reader = command.ExecuteReader();
        return StoredRows.Progress(reader);
    }

    public void Dispose()
    {
        // The data source is the caller's.
    }
}
