using System.Text.Json;

namespace Sweep.Grains.Storage;

/// <summary>Options of one SQLite grain storage provider (one database file, one table <c>grain_state</c>).</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>Path of the database file; it is created on first use, its directory must exist. Default: none (required).</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>How long a statement waits for a lock held by another connection or process. Default: 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>JSON options of the payload column; readers must use the same. Default: <see cref="StoredStateJson.Options"/>.</summary>
    public JsonSerializerOptions JsonOptions { get; set; } = StoredStateJson.Options;

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when the options cannot work.</summary>
    /// <param name="providerName">The storage provider name, for the message.</param>
    public void Validate(string providerName)
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException(
                $"SqliteGrainStorageOptions.DatabasePath is required (grain storage provider '{providerName}').");
        }

        var full = Path.GetFullPath(DatabasePath);
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new ArgumentException(
                $"SqliteGrainStorageOptions.DatabasePath '{full}': directory '{directory}' does not exist (grain storage provider '{providerName}').");
        }

        if (BusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"SqliteGrainStorageOptions.BusyTimeout must not be negative, but got {BusyTimeout} (grain storage provider '{providerName}').");
        }

        ArgumentNullException.ThrowIfNull(JsonOptions, "SqliteGrainStorageOptions.JsonOptions");
    }
}
