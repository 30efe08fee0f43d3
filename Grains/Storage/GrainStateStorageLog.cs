using Microsoft.Extensions.Logging;

namespace Sweep.Grains.Storage;

internal static partial class GrainStateStorageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage '{ProviderName}' opened {DatabasePath} (WAL)")]
    public static partial void Opened(this ILogger logger, string providerName, string databasePath);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Grain storage '{ProviderName}': etag conflict on {Operation} of state '{StateName}' of {GrainId}: stored {StoredEtag}, grain had {GrainEtag}")]
    public static partial void EtagConflict(
        this ILogger logger, string providerName, string operation, string stateName, string grainId, string? storedEtag, string? grainEtag);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Grain storage '{ProviderName}': write of state '{StateName}' of {GrainId} refused: its fence, state '{FenceState}' of {FenceGrainId}, is at etag {StoredEtag}, the writer had {WriterEtag}")]
    public static partial void FenceMoved(
        this ILogger logger, string providerName, string stateName, string grainId, string fenceState, string fenceGrainId, string? storedEtag, string? writerEtag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage '{ProviderName}': corrupted payload")]
    public static partial void CorruptedPayload(this ILogger logger, string providerName, Exception exception);
}
