using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace Sweep.Grains.Storage;

/// <summary>
/// <see cref="IProgressLog"/> in the <c>trial_progress</c> table of the grain storage's SQLite file, on a connection of its
/// own (WAL: each append is one short write transaction, checkpointed as the log fills). Calls are serialized.
/// </summary>
public sealed class SqliteProgressLog : IProgressLog, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _databasePath;
    private SqliteConnection? _connection;
    private SqliteCommand? _append;

    public SqliteProgressLog(string databasePath) => _databasePath = Path.GetFullPath(databasePath);

    public async Task AppendAsync(string sweepId, int number, int step, double value)
    {
        await _gate.WaitAsync();
        try
        {
            var append = EnsureOpen();
            append.Parameters["$s"].Value = sweepId;
            append.Parameters["$n"].Value = number;
            append.Parameters["$t"].Value = step;
            append.Parameters["$v"].Value = value;
            append.ExecuteNonQuery();
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

    public async Task<ImmutableDictionary<int, ImmutableSortedDictionary<int, double>>> ReadAsync(string sweepId)
    {
        await _gate.WaitAsync();
        try
        {
            EnsureOpen();
            return SqliteStateSchema.ReadProgress(_connection!, sweepId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _append?.Dispose();
        _connection?.Dispose();
        _gate.Dispose();
    }

    /// <summary>Opens the connection on first use and prepares the append; the prepared command.</summary>
    private SqliteCommand EnsureOpen()
    {
        if (_append is not null) return _append;
        _connection = SqliteStateSchema.OpenReadWrite(_databasePath, TimeSpan.FromSeconds(30));
        _append = _connection.CreateCommand();
        _append.CommandText = "INSERT INTO trial_progress (sweep_id, number, step, value) VALUES ($s, $n, $t, $v) ON CONFLICT DO NOTHING";
        foreach (var name in new[] { "$s", "$n", "$t", "$v" }) _append.Parameters.Add(new SqliteParameter(name, null));
        return _append;
    }
}
