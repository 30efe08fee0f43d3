using System.Text.Json;

namespace Sweep.Grains.Storage;

/// <summary>A <c>grain_state</c> row whose payload cannot be read as the requested state type.</summary>
public sealed class StoredStateCorruptedException : Exception
{
    public StoredStateCorruptedException(string stateName, string grainId, string databasePath, Type stateType, Exception inner)
        : base($"the stored {stateName} record of {grainId} in {databasePath} is damaged and cannot be read as {stateType.Name} ({inner.Message})", inner)
    {
        StateName = stateName;
        GrainId = grainId;
        DatabasePath = databasePath;
    }

    public string StateName { get; }

    public string GrainId { get; }

    /// <summary>The file, or the PostgreSQL database, holding the row.</summary>
    public string DatabasePath { get; }

    /// <summary>The payload as <typeparamref name="T"/>; a payload that does not parse as one is this exception.</summary>
    public static T? Deserialize<T>(string payload, JsonSerializerOptions json, string stateName, string grainId, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new StoredStateCorruptedException(stateName, grainId, where, typeof(T), e);
        }
    }
}
