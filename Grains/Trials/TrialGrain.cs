using Sweep.Grains.Model;

namespace Sweep.Grains.Trials;

/// <inheritdoc cref="ITrialGrain"/>
/// <remarks>
/// Only its sweep calls it, on every trial event: placed on the caller's silo, a write costs no network hop. Across a
/// partition two activations of one trial can live (one on the cut-off silo): an answer comes from storage, not from
/// memory, since the other may have written the row since this one read it.
/// </remarks>
[Orleans.Placement.PreferLocalPlacement]
public sealed class TrialGrain([PersistentState("trial", StorageNames.Sweep)] IPersistentState<TrialInfo?> state)
    : Grain, ITrialGrain
{
    private bool _justRead = true;

    public static string Key(string sweepId, int number) => $"{sweepId}/{number}";

    public Task SaveAsync(TrialInfo info)
    {
        _justRead = false;
        return state.WriteOrReloadAsync(info, this);
    }

    public async Task<TrialInfo?> GetAsync()
    {
        // An activation made for this call read the row a moment ago.
        if (!_justRead) await state.ReadStateAsync();
        _justRead = false;
        return state.RecordExists ? state.State : null;
    }
}
