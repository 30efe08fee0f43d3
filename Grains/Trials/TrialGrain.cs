using Sweep.Grains.Model;

namespace Sweep.Grains.Trials;

/// <inheritdoc cref="ITrialGrain"/>
/// <remarks>Only its sweep calls it, on every trial event: placed on the caller's silo, a write costs no network hop.</remarks>
[Orleans.Placement.PreferLocalPlacement]
public sealed class TrialGrain([PersistentState("trial", StorageNames.Sweep)] IPersistentState<TrialInfo?> state)
    : Grain, ITrialGrain
{
    public static string Key(string sweepId, int number) => $"{sweepId}/{number}";

    public Task SaveAsync(TrialInfo info) => state.WriteOrReloadAsync(info, this);

    public Task<TrialInfo?> GetAsync() => Task.FromResult(state.RecordExists ? state.State : null);
}
