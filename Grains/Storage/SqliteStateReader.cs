using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Sweep.Grains.Storage;

/// <summary>
/// Reads grain state straight from a <see cref="SqliteGrainStorage"/> file, read-only, for processes that are not
/// silos (the CLI). Safe while a silo writes (WAL): each call sees the last committed write. Cleared states read as absent.
/// </summary>
public sealed class SqliteStateReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly JsonSerializerOptions _json;

    /// <param name="databasePath">An existing database file written by the silo.</param>
    /// <param name="jsonOptions">The silo's <see cref="SqliteGrainStorageOptions.JsonOptions"/>. Default: <see cref="SqliteStateJson.Options"/>.</param>
    public SqliteStateReader(string databasePath, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        if (!File.Exists(DatabasePath))
        {
            throw new FileNotFoundException($"Grain state database '{DatabasePath}' does not exist.", DatabasePath);
        }

        _json = jsonOptions ?? SqliteStateJson.Options;
        _connection = SqliteStateSchema.OpenReadOnly(DatabasePath, TimeSpan.FromSeconds(5));
    }

    public string DatabasePath { get; }

    /// <summary>The state of one grain, or default when it was never written or was cleared.</summary>
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

    /// <summary>All stored states of one state name, by grain id; optionally only ids starting with a prefix (e.g. <c>"trial/"</c>).</summary>
    /// <param name="onDamaged">Where a row that cannot be read goes (it is then skipped); null: it throws.</param>
    /// <exception cref="SqliteStateCorruptedException">A row cannot be read and <paramref name="onDamaged"/> is null.</exception>
    public IReadOnlyList<(string GrainId, T State)> List<T>(string stateName, string? grainIdPrefix = null,
                                                            Action<SqliteStateCorruptedException>? onDamaged = null)
    {
        var result = new List<(string, T)>();
        if (!SqliteStateSchema.TableExists(_connection))
        {
            return result;
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
        while (reader.Read())
        {
            var grainId = reader.GetString(0);
            try
            {
                if (Deserialize<T>(reader.GetString(1), stateName, grainId) is { } state) result.Add((grainId, state));
            }
            catch (SqliteStateCorruptedException e) when (onDamaged is not null)
            {
                onDamaged(e);
            }
        }

        return result;
    }

    /// <summary>The intermediate values of a sweep's trials (<see cref="IProgressLog"/>): trial number → step → value.</summary>
    public ImmutableDictionary<int, ImmutableSortedDictionary<int, double>> Progress(string sweepId) =>
        SqliteStateSchema.ReadProgress(_connection, sweepId);

    public void Dispose() => _connection.Dispose();

    private T? Deserialize<T>(string payload, string stateName, string grainId)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, _json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new SqliteStateCorruptedException(stateName, grainId, DatabasePath, typeof(T), e);
        }
    }
}
