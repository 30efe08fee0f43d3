using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Sweep.Grains.Storage;

/// <summary>
/// Durable grain storage in one SQLite file: one row per (state name, grain id), the state as JSON, an integer etag
/// for optimistic concurrency. Clear keeps a tombstone (NULL payload, etag + 1) so a stale activation still conflicts.
/// One connection per provider; calls are serialized (a write costs tens of microseconds).
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private readonly string _name;
    private readonly string _databasePath;
    private readonly SqliteGrainStorageOptions _options;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteStateTable? _table;

    public SqliteGrainStorage(
        string name, SqliteGrainStorageOptions options, IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    {
        options.Validate(name);
        _name = name;
        _options = options;
        _databasePath = Path.GetFullPath(options.DatabasePath);
        _activators = activators;
        _logger = logger;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var row = await RunAsync(table => table.Read(stateName, id));
        grainState.ETag = SqliteEtag.Format(row?.Etag);
        grainState.RecordExists = row?.Payload is not null;
        grainState.State = row?.Payload is { } payload ? Deserialize<T>(payload, stateName, id) : Create<T>();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var expected = SqliteEtag.Parse(grainState.ETag, "write", stateName, id, _databasePath);
        var payload = JsonSerializer.Serialize(grainState.State, _options.JsonOptions);
        var written = await RunAsync(table => expected is { } etag
            ? table.Update(stateName, id, etag, payload)
            : table.Insert(stateName, id, payload));
        if (written is null)
        {
            throw await ConflictAsync("write", stateName, id, grainState.ETag);
        }

        grainState.ETag = SqliteEtag.Format(written);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var expected = SqliteEtag.Parse(grainState.ETag, "clear", stateName, id, _databasePath);
        if (expected is { } etag)
        {
            var cleared = await RunAsync(table => table.Update(stateName, id, etag, payload: null))
                ?? throw await ConflictAsync("clear", stateName, id, grainState.ETag);
            grainState.ETag = SqliteEtag.Format(cleared);
        }
        else if (await RunAsync(table => table.Read(stateName, id)) is not null)
        {
            // The grain never saw the stored row: clearing it would drop someone else's write.
            throw await ConflictAsync("clear", stateName, id, grainState.ETag);
        }

        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    public void Dispose()
    {
        _table?.Dispose();
        _table = null;
        _gate.Dispose();
    }

    private async Task<TResult> RunAsync<TResult>(Func<SqliteStateTable, TResult> action)
    {
        await _gate.WaitAsync();
        try
        {
            // Opened on first use, not at construction, so a silo that never persists never touches the file.
            if (_table is null)
            {
                _table = new SqliteStateTable(SqliteStateSchema.OpenReadWrite(_databasePath, _options.BusyTimeout));
                _logger.Opened(_name, _databasePath);
            }

            return action(_table);
        }
        catch (Exception e) when (StorageFullException.Is(e))
        {
            throw new StorageFullException(_databasePath);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<InconsistentStateException> ConflictAsync(string operation, string stateName, string grainId, string? grainEtag)
    {
        var stored = SqliteEtag.Format((await RunAsync(table => table.Read(stateName, grainId)))?.Etag);
        _logger.EtagConflict(_name, operation, stateName, grainId, stored, grainEtag);
        return SqliteEtag.Conflict(operation, stateName, grainId, _databasePath, stored, grainEtag);
    }

    private T Deserialize<T>(string payload, string stateName, string grainId)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, _options.JsonOptions) ?? Create<T>();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            var corrupted = new SqliteStateCorruptedException(stateName, grainId, _databasePath, typeof(T), e);
            _logger.CorruptedPayload(_name, corrupted);
            throw corrupted;
        }
    }

    private T Create<T>() => _activators.GetActivator<T>().Create();
}
