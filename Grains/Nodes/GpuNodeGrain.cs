using Sweep.Grains.Model;

namespace Sweep.Grains.Nodes;

/// <inheritdoc cref="IGpuNodeGrain"/>
public sealed class GpuNodeGrain([PersistentState("node", StorageNames.Sweep)] IPersistentState<NodeInfo?> state)
    : Grain, IGpuNodeGrain
{
    public Task UpdateAsync(NodeInfo info) => state.WriteOrReloadAsync(info, this);

    public Task<NodeInfo?> GetAsync() => Task.FromResult(state.RecordExists ? state.State : null);
}
