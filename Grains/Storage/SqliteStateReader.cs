using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Sweep.Grains.Storage;

/// <summary>
/// Reads grain state straight from a <see cref="GrainStateStorage"/> file, read-only, for processes that are not
/// silos (the CLI). Safe while a silo writes (WAL): each call sees the last committed write. Cleared states read as absent.
/// </summary>
public sealed class SqliteStateReader : IStateReader
{
    private readonly SqliteConnection _connection;
    private readonly JsonSerializerOptions _json;

    /// <param name="databasePath">An existing database file written by the silo.</param>
    /// <param name="jsonOptions">The silo's <see cref="SqliteGrainStorageOptions.JsonOptions"/>. Default: <see cref="StoredStateJson.Options"/>.</param>
    public SqliteStateReader(string databasePath, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        if (!File.Exists(DatabasePath))
        {
            throw new FileNotFoundException($"Grain state database '{DatabasePath}' does not exist.", DatabasePath);
        }

        _json = jsonOptions ?? StoredStateJson.Options;
        _connection = SqliteStateSchema.OpenReadOnly(DatabasePath, TimeSpan.FromSeconds(5));
    }

    public string DatabasePath { get; }

    string IStateReader.Where => DatabasePath;

    public T? Get<T>(string stateName, string grainId)
    {
        if (!SqliteStateSchema.TableExists(_connection))
        {
            return default;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT payload FROM grain_state WHERE state_name = $s AND grain_id = $g AND payload IS NOT NULL";
        command.Parameters.AddWithValue("$s", stateName);
        command.Parameters.AddWithValue("$g", grainId);
        return command.ExecuteScalar() is string payload ? Deserialize<T>(payload, stateName, grainId) : default;
    }

    public IReadOnlyList<(string GrainId, T State)> List<T>(string stateName, string? grainIdPrefix = null,
                                                            Action<StoredStateCorruptedException>? onDamaged = null)
    {
        if (!SqliteStateSchema.TableExists(_connection))
        {
            return [];
        }

        using var command = _connection.CreateCommand();
        // substr, not LIKE: grain ids may contain '%' and '_', and LIKE ignores case.
        command.CommandText = """
            SELECT grain_id, payload FROM grain_state
            WHERE state_name = $s AND payload IS NOT NULL AND substr(grain_id, 1, length($p)) = $p
            ORDER BY grain_id
            """;
        command.Parameters.AddWithValue("$s", stateName);
        command.Parameters.AddWithValue("$p", grainIdPrefix ?? "");
        using var reader = command.ExecuteReader();
        return StoredRows.States<T>(reader, _json, stateName, DatabasePath, onDamaged);
    }

    public ImmutableDictionary<int, ImmutableSortedDictionary<int, double>> Progress(string sweepId) =>
        SqliteStateSchema.ReadProgress(_connection, sweepId);

    public void Dispose() => _connection.Dispose();

    private T? Deserialize<T>(string payload, string stateName, string grainId) =>
        StoredStateCorruptedException.Deserialize<T>(payload, _json, stateName, grainId, DatabasePath);
}
