namespace Sweep.Grains.Tests.Storage;

/// <summary>Persists the same value under the named provider ("sqlite") and the default one.</summary>
public sealed class SampleStateGrain(
    [PersistentState("s", "sqlite")] IPersistentState<SampleState> state,
    [PersistentState("d")] IPersistentState<SampleState> defaultState) : Grain, ISampleStateGrain
{
    async Task ISampleStateGrain.SetAsync(SampleState value)
    {
        state.State = value;
        await state.WriteStateAsync();
        defaultState.State = value;
        await defaultState.WriteStateAsync();
    }

    Task<SampleState> ISampleStateGrain.GetAsync() => Task.FromResult(state.State);

    Task<(string GrainId, string ActivationId)> ISampleStateGrain.GetIdentityAsync() =>
        Task.FromResult((this.GetGrainId().ToString(), GrainContext.ActivationId.ToString()));

    Task ISampleStateGrain.DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
