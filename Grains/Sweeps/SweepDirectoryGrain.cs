using System.Collections.Immutable;

namespace Sweep.Grains.Sweeps;

/// <inheritdoc cref="ISweepDirectoryGrain"/>
public sealed class SweepDirectoryGrain(
    [PersistentState("directory", StorageNames.Sweep)] IPersistentState<SweepDirectoryState> state) : Grain, ISweepDirectoryGrain
{
    public async Task AddAsync(string sweepId)
    {
        if (state.State.Sweeps.Contains(sweepId)) return;
        await state.WriteOrReloadAsync(state.State with { Sweeps = state.State.Sweeps.Add(sweepId), Active = state.State.Active.Add(sweepId) }, this);
    }

    public async Task SetActiveAsync(string sweepId, bool active)
    {
        var next = active ? state.State.Active.Add(sweepId) : state.State.Active.Remove(sweepId);
        if (next == state.State.Active) return;
        await state.WriteOrReloadAsync(state.State with { Active = next }, this);
    }

    public Task<ImmutableArray<string>> ActiveAsync() => Task.FromResult(state.State.Active.ToImmutableArray());
}
