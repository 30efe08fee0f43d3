using System.Collections.Immutable;

namespace Sweep.Grains.Sweeps;

/// <inheritdoc cref="ISweepDirectoryGrain"/>
public sealed class SweepDirectoryGrain(
    [PersistentState("directory", StorageNames.Sweep)] IPersistentState<SweepDirectoryState> state) : Grain, ISweepDirectoryGrain
{
    public async Task Add(string sweepId)
    {
        if (state.State.Sweeps.Contains(sweepId)) return;
        state.State = state.State with { Sweeps = state.State.Sweeps.Add(sweepId), Active = state.State.Active.Add(sweepId) };
        await state.WriteStateAsync();
    }

    public async Task SetActive(string sweepId, bool active)
    {
        var next = active ? state.State.Active.Add(sweepId) : state.State.Active.Remove(sweepId);
        if (next == state.State.Active) return;
        state.State = state.State with { Active = next };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<string>> Active() => Task.FromResult(state.State.Active.ToImmutableArray());

    public Task<ImmutableArray<string>> All() => Task.FromResult(state.State.Sweeps);
}
