namespace Sweep.Grains.Storage;

/// <summary>
/// The <c>grain_state</c> table of one database: one row per (state name, grain id), an integer etag that grows on
/// every write, a NULL payload for a cleared state. <see cref="GrainStateStorage"/> holds the Orleans semantics; an
/// implementation only runs the three statements, each a single conditional statement so no writer slips between
/// check and write. Full disks surface as <see cref="StorageFullException"/>.
/// </summary>
internal interface IStateRows : IDisposable
{
    /// <summary>Where the rows live, for messages: a file path or <c>postgres://host:port/db</c>.</summary>
    string Where { get; }

    /// <summary>The stored row, or null when there is none; a null payload is a cleared state.</summary>
    Task<(long Etag, string? Payload)?> ReadAsync(string stateName, string grainId);

    /// <summary>Inserts with etag 1; null when a row already exists or the <paramref name="fence"/> row moved.</summary>
    Task<long?> InsertAsync(string stateName, string grainId, string? payload, StateFence? fence = null);

    /// <summary>
    /// Replaces the payload (null = clear) when the etag matches and the <paramref name="fence"/> row (if any) is still
    /// at its etag, in the same statement; the new etag, or null on a mismatch.
    /// </summary>
    Task<long?> UpdateAsync(string stateName, string grainId, long expectedEtag, string? payload, StateFence? fence = null);
}
