using System.Collections.Immutable;

namespace Sweep.Grains.Sweeps;

/// <summary>The cluster's list of sweeps (key 0), and which of them hand out work, so idle runners know whom to ask.</summary>
[Alias("sweep.ISweepDirectoryGrain")]
public interface ISweepDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Add")] Task AddAsync(string sweepId);

    [Alias("SetActive")] Task SetActiveAsync(string sweepId, bool active);

    [Alias("Active")] Task<ImmutableArray<string>> ActiveAsync();
}
