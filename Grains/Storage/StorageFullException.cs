using Microsoft.Data.Sqlite;

namespace Sweep.Grains.Storage;

/// <summary>
/// The disk under the state file is full: nothing was written (SQLite rolls the write back), and nothing will be
/// until space is freed. A sweep that meets it pauses and says where.
/// </summary>
[GenerateSerializer]
public sealed class StorageFullException(string databasePath) : Exception($"disk full at {Path.GetDirectoryName(databasePath)} (writing {databasePath})")
{
    [Id(0)] public string DatabasePath { get; } = databasePath;

    /// <summary>SQLITE_FULL, or the kernel's ENOSPC on the way.</summary>
    public static bool Is(Exception e) =>
        e is SqliteException { SqliteErrorCode: 13 } || e is IOException { HResult: 28 or -2147024784 } || e.InnerException is { } inner && Is(inner);
}
