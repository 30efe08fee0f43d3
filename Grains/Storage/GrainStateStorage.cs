using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Sweep.Grains.Storage;

/// <summary>
/// Durable grain storage over a <c>grain_state</c> table (<see cref="IStateRows"/>: a SQLite file on one machine,
/// PostgreSQL for a cluster): one row per (state name, grain id), the state as JSON, an integer etag for optimistic
/// concurrency. Clear keeps a tombstone (NULL payload, etag + 1) so a stale activation still conflicts. A state that
/// carries a <see cref="StateFence"/> (<see cref="IFencedState"/>) is written only while its fence row is at that etag.
/// </summary>
public sealed class GrainStateStorage : IGrainStorage, IDisposable
{
    private readonly string _name;
    private readonly IStateRows _rows;
    private readonly JsonSerializerOptions _json;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<GrainStateStorage> _logger;

    public GrainStateStorage(
        string name, SqliteGrainStorageOptions options, IActivatorProvider activators, ILogger<GrainStateStorage> logger)
    {
        options.Validate(name);
        _name = name;
        _rows = new SqliteStateRows(name, options, logger);
        _json = options.JsonOptions;
        _activators = activators;
        _logger = logger;
    }

    internal GrainStateStorage(string name, IStateRows rows, IActivatorProvider activators, ILogger<GrainStateStorage> logger)
    {
        _name = name;
        _rows = rows;
        _json = StoredStateJson.Options;
        _activators = activators;
        _logger = logger;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var row = await _rows.ReadAsync(stateName, id);
        grainState.ETag = StateEtag.Format(row?.Etag);
        grainState.RecordExists = row?.Payload is not null;
        grainState.State = row?.Payload is { } payload ? Deserialize<T>(payload, stateName, id) : Create<T>();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var expected = StateEtag.Parse(grainState.ETag, "write", stateName, id, _rows.Where);
        var payload = JsonSerializer.Serialize(grainState.State, _json);
        var fence = (grainState.State as IFencedState)?.Fence;
        var written = expected is { } etag
            ? await _rows.UpdateAsync(stateName, id, etag, payload, fence)
            : await _rows.InsertAsync(stateName, id, payload, fence);
        if (written is null)
        {
            throw await FenceMovedAsync(stateName, id, fence) ?? await ConflictAsync("write", stateName, id, grainState.ETag);
        }

        grainState.ETag = StateEtag.Format(written);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var expected = StateEtag.Parse(grainState.ETag, "clear", stateName, id, _rows.Where);
        if (expected is { } etag)
        {
            var cleared = await _rows.UpdateAsync(stateName, id, etag, payload: null)
                ?? throw await ConflictAsync("clear", stateName, id, grainState.ETag);
            grainState.ETag = StateEtag.Format(cleared);
        }
        else if (await _rows.ReadAsync(stateName, id) is not null)
        {
            // The grain never saw the stored row: clearing it would drop someone else's write.
            throw await ConflictAsync("clear", stateName, id, grainState.ETag);
        }

        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    public void Dispose() => _rows.Dispose();

    /// <summary>The refusal when the fence row is no longer at the writer's etag; null when the fence held (or there is none).</summary>
    private async Task<InconsistentStateException?> FenceMovedAsync(string stateName, string grainId, StateFence? fence)
    {
        if (fence is null) return null;
        var at = (await _rows.ReadAsync(fence.StateName, fence.GrainId))?.Etag;
        if (at == fence.Etag) return null;
        var stored = StateEtag.Format(at);
        var expected = StateEtag.Format(fence.Etag);
        _logger.FenceMoved(_name, stateName, grainId, fence.StateName, fence.GrainId, stored, expected);
        return StateEtag.FenceMoved(stateName, grainId, _rows.Where, fence, stored);
    }

    private async Task<InconsistentStateException> ConflictAsync(string operation, string stateName, string grainId, string? grainEtag)
    {
        var stored = StateEtag.Format((await _rows.ReadAsync(stateName, grainId))?.Etag);
        _logger.EtagConflict(_name, operation, stateName, grainId, stored, grainEtag);
        return StateEtag.Conflict(operation, stateName, grainId, _rows.Where, stored, grainEtag);
    }

    private T Deserialize<T>(string payload, string stateName, string grainId)
    {
        try
        {
            return StoredStateCorruptedException.Deserialize<T>(payload, _json, stateName, grainId, _rows.Where) ?? Create<T>();
        }
        catch (StoredStateCorruptedException corrupted)
        {
            _logger.CorruptedPayload(_name, corrupted);
            throw;
        }
    }

    private T Create<T>() => _activators.GetActivator<T>().Create();
}
