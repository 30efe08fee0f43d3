using Microsoft.Extensions.Logging;

namespace Sweep.Grains.Storage;

/// <summary>
/// <see cref="IStateRows"/> in one SQLite file: one connection, opened on first use (a silo that never persists never
/// touches the file), calls serialized (a write costs tens of microseconds).
/// </summary>
internal sealed class SqliteStateRows(string providerName, SqliteGrainStorageOptions options, ILogger logger) : IStateRows
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteStateTable? _table;

    public string Where { get; } = Path.GetFullPath(options.DatabasePath);

    public Task<(long Etag, string? Payload)?> ReadAsync(string stateName, string grainId) => RunAsync(t => t.Read(stateName, grainId));

    public Task<long?> InsertAsync(string stateName, string grainId, string? payload, StateFence? fence = null) =>
        RunAsync(t => t.Insert(stateName, grainId, payload, fence));

    public Task<long?> UpdateAsync(string stateName, string grainId, long expectedEtag, string? payload, StateFence? fence = null) =>
        RunAsync(t => t.Update(stateName, grainId, expectedEtag, payload, fence));

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
            if (_table is null)
            {
                _table = new SqliteStateTable(SqliteStateSchema.OpenReadWrite(Where, options.BusyTimeout));
                logger.Opened(providerName, Where);
            }

            return action(_table);
        }
        catch (Exception e) when (StorageFullException.Is(e))
        {
            throw new StorageFullException(Where);
        }
        finally
        {
            _gate.Release();
        }
    }
}
