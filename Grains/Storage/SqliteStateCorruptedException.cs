namespace Sweep.Grains.Storage;

/// <summary>A <c>grain_state</c> row whose payload cannot be read as the requested state type.</summary>
public sealed class SqliteStateCorruptedException : Exception
{
    public SqliteStateCorruptedException(string stateName, string grainId, string databasePath, Type stateType, Exception inner)
        : base($"the stored {stateName} record of {grainId} in {databasePath} is damaged and cannot be read as {stateType.Name} ({inner.Message})", inner)
    {
        StateName = stateName;
        GrainId = grainId;
        DatabasePath = databasePath;
    }

    public string StateName { get; }

    public string GrainId { get; }

    public string DatabasePath { get; }
}
