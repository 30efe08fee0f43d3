using Npgsql;

namespace Sweep.Grains.Storage;

/// <summary>How a PostgreSQL database is named in messages: never with its password.</summary>
public static class PostgresDatabase
{
    public static string Describe(NpgsqlDataSource database) => Describe(new NpgsqlConnectionStringBuilder(database.ConnectionString));

    public static string Describe(NpgsqlConnectionStringBuilder b) =>
        $"postgres://{b.Username}@{b.Host}:{(b.Port == 0 ? 5432 : b.Port)}/{b.Database}";
}
