using Sweep.Grains.Model;

namespace Sweep.Grains.Trials;

/// <summary>One trial (key <c>sweepId/number</c>): its persisted record. Only its sweep writes it.</summary>
[Alias("sweep.ITrialGrain")]
public interface ITrialGrain : IGrainWithStringKey
{
    [Alias("Save")] Task SaveAsync(TrialInfo info);

    [Alias("Get")] Task<TrialInfo?> GetAsync();
}
