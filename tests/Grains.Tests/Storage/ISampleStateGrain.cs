namespace Sweep.Grains.Tests.Storage;

[Alias("sweep.tests.ISampleStateGrain")]
public interface ISampleStateGrain : IGrainWithStringKey
{
    [Alias("Set")]
    Task SetAsync(SampleState state);

    [Alias("Get")]
    Task<SampleState> GetAsync();

    /// <summary>The activation's <c>GrainId.ToString()</c> and activation id.</summary>
    [Alias("Identity")]
    Task<(string GrainId, string ActivationId)> GetIdentityAsync();

    [Alias("Deactivate")]
    Task DeactivateAsync();
}
