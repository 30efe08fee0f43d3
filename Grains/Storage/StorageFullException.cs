using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sweep.Grains.Storage;

/// <summary>
/// The disk under the state file is full: nothing was written (SQLite rolls the write back), and nothing will be
/// until space is freed. A sweep that meets it pauses and says where.
/// </summary>
[GenerateSerializer]
public sealed class StorageFullException(string databasePath) : Exception(databasePath.StartsWith("postgres://", StringComparison.Ordinal)
    ? $"the PostgreSQL server {databasePath} is out of disk space"
    : $"disk full at {Path.GetDirectoryName(databasePath)} (writing {databasePath})")
{
    [Id(0)] public string DatabasePath { get; } = databasePath;

    /// <summary>SQLITE_FULL, PostgreSQL's disk_full (53100), or the kernel's ENOSPC on the way.</summary>
    public static bool Is(Exception e) =>
        e is SqliteException { SqliteErrorCode: 13 } || e is PostgresException { SqlState: "53100" } || e is IOException { HResult: 28 or -2147024784 } || e.InnerException is { } inner && Is(inner);
}
