using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Store;

/// <summary>
/// Read-only view of a home's state file for the read verbs (status, list, trials, best, export): they read the
/// rows the grains wrote, without a silo, even while one is running (WAL lets readers in while it writes).
/// </summary>
public sealed class SweepStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _file;

    private SweepStore(SqliteConnection connection, string file)
    {
        _connection = connection;
        _file = file;
    }

    public static SweepStore Open(SweepHome home)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = home.Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 5000";
        busy.ExecuteNonQuery();
        return new SweepStore(connection, home.Database);
    }

    public IReadOnlyList<SweepInfo> Sweeps() =>
        [.. Rows<SweepInfo>("sweep", null).OrderBy(s => s.CreatedUtc)];

    /// <exception cref="UsageException">No sweep has this id.</exception>
    public SweepInfo Sweep(string id) =>
        Rows<SweepInfo>("sweep", $"sweep/{id}").FirstOrDefault()
        ?? throw new UsageException($"no sweep with id '{id}' in {_file} (see `sweep list`)");

    public IReadOnlyList<TrialInfo> Trials(string sweepId) =>
        [.. Rows<TrialInfo>("trial", $"trial/{sweepId}/%").Where(t => t.SweepId == sweepId).OrderBy(t => t.Number)];

    public void Dispose() => _connection.Dispose();

    private IEnumerable<T> Rows<T>(string state, string? grainId)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = grainId is null
            ? "SELECT grain_id, payload FROM grain_state WHERE state_name = $s"
            : grainId.EndsWith('%') ? "SELECT grain_id, payload FROM grain_state WHERE state_name = $s AND grain_id LIKE $g"
            : "SELECT grain_id, payload FROM grain_state WHERE state_name = $s AND grain_id = $g";
        cmd.Parameters.AddWithValue("$s", state);
        if (grainId is not null) cmd.Parameters.AddWithValue("$g", grainId);
        using var reader = cmd.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            try
            {
                if (JsonSerializer.Deserialize<T>(reader.GetString(1)) is { } value) result.Add(value);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{_file}: the {state} row of {id} is corrupt: {e.Message}");
            }
        }
        return result;
    }
}
