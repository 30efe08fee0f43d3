using System.Globalization;
using Orleans.Storage;

namespace Sweep.Grains.Storage;

/// <summary>The integer <c>etag</c> column as Orleans' string ETag, and the conflicts it reports.</summary>
internal static class StateEtag
{
    public static string? Format(long? etag) => etag?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null for a grain that has seen no row; an etag this provider did not write is a conflict.</summary>
    public static long? Parse(string? etag, string operation, string stateName, string grainId, string databasePath)
    {
        if (etag is null)
        {
            return null;
        }

        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InconsistentStateException(
                $"Etag '{etag}' on {operation} of state '{stateName}' of grain '{grainId}' was not written by the grain storage of '{databasePath}'.",
                null,
                etag);
    }

    public static InconsistentStateException Conflict(
        string operation, string stateName, string grainId, string databasePath, string? storedEtag, string? grainEtag) =>
        new(
            $"Etag conflict on {operation} of state '{stateName}' of grain '{grainId}' in '{databasePath}': stored {storedEtag ?? "none"}, grain had {grainEtag ?? "none"}.",
            storedEtag,
            grainEtag);

    public static InconsistentStateException FenceMoved(string stateName, string grainId, string databasePath, StateFence fence, string? storedFenceEtag) =>
        new(
            $"Write of state '{stateName}' of grain '{grainId}' in '{databasePath}' refused: it was decided under state '{fence.StateName}' of grain '{fence.GrainId}' at etag {fence.Etag}, which is now at {storedFenceEtag ?? "none"} (a newer writer took over).",
            storedFenceEtag,
            StateEtag.Format(fence.Etag));
}
