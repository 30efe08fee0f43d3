using Sweep.Grains.Model;

namespace Sweep.Grains.Nodes;

/// <summary>One GPU node (key: node name, one per silo): devices, slots, running trials, last seen.</summary>
[Alias("sweep.IGpuNodeGrain")]
public interface IGpuNodeGrain : IGrainWithStringKey
{
    [Alias("Update")] Task UpdateAsync(NodeInfo info);

    [Alias("Get")] Task<NodeInfo?> GetAsync();
}
