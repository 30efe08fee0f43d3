using System.Collections.Immutable;
using Npgsql;

namespace Sweep.Grains.Storage;

/// <summary><see cref="IProgressLog"/> in the cluster database's <c>trial_progress</c> table: one insert per report.</summary>
public sealed class PostgresProgressLog(NpgsqlDataSource database, string serviceId) : IProgressLog
{
    private readonly string _where = PostgresDatabase.Describe(database);

    public async Task AppendAsync(string sweepId, int number, int step, double value)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO trial_progress (service_id, sweep_id, number, step, value) VALUES (@r, @s, @n, @t, @v) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("r", serviceId);
        command.Parameters.AddWithValue("s", sweepId);
        command.Parameters.AddWithValue("n", number);
        command.Parameters.AddWithValue("t", step);
        command.Parameters.AddWithValue("v", value);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (StorageFullException.Is(e))
        {
            throw new StorageFullException(_where);
        }
    }

    public Task<ImmutableDictionary<int, ImmutableSortedDictionary<int, double>>> ReadAsync(string sweepId)
    {
        using var reader = new PostgresStateReader(database, serviceId);
        return Task.FromResult(reader.Progress(sweepId));
    }
}
