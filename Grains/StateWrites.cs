namespace Sweep.Grains;

/// <summary>
/// A write that fails must not leave the grain holding a state the store does not have: the state goes back to what
/// it was, and unless the disk was full, the activation ends once idle (the database away, a conflicting writer: the
/// write may have landed), so the next call reloads it from storage, etag and all.
/// </summary>
internal static class StateWrites
{
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, T value, IGrainBase grain)
    {
        var previous = state.State;
        state.State = value;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            state.State = previous;
            // A full disk rolled the write back and the etag still holds: the sweep pauses in memory (see SweepGrain).
            if (e is not Storage.StorageFullException) grain.DeactivateOnIdle();
            throw;
        }
    }
}
