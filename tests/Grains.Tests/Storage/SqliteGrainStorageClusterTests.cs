using Orleans.TestingHost;
using Sweep.Grains.Storage;

namespace Sweep.Grains.Tests.Storage;

public sealed class SqliteGrainStorageClusterTests : IDisposable
{
    private const string Key = "sweep-1:7";
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Grain_state_survives_deactivation_and_a_cluster_restart_and_is_readable_from_the_file()
    {
        var expected = SampleState.Example(11);
        var storedId = StoredGrainId.For<ISampleStateGrain>(Key);

        var cluster = await StartAsync();
        try
        {
            var grain = cluster.GrainFactory.GetGrain<ISampleStateGrain>(Key);
            await grain.SetAsync(expected);
            var (grainId, firstActivation) = await grain.GetIdentityAsync();
            Assert.Equal(grainId, storedId);
            Assert.Equal(grainId, StoredGrainId.For(typeof(SampleStateGrain), Key));

            // Another "process" reads the file while the silo holds it open.
            using (var reader = new SqliteStateReader(_db.Path))
            {
                SampleState.AssertEquivalent(expected, reader.Get<SampleState>("s", storedId));
                Assert.Equal([storedId], reader.List<SampleState>("s", "samplestate/").Select(r => r.GrainId));
            }

            using (var reader = new SqliteStateReader(Path.Combine(_db.Directory, "default.db")))
            {
                SampleState.AssertEquivalent(expected, reader.Get<SampleState>("d", storedId));
            }

            await grain.DeactivateAsync();
            var (_, secondActivation) = await grain.GetIdentityAsync();
            Assert.NotEqual(firstActivation, secondActivation);
            SampleState.AssertEquivalent(expected, await grain.GetAsync());
        }
        finally
        {
            await StopAsync(cluster);
        }

        cluster = await StartAsync();
        try
        {
            SampleState.AssertEquivalent(expected, await cluster.GrainFactory.GetGrain<ISampleStateGrain>(Key).GetAsync());
        }
        finally
        {
            await StopAsync(cluster);
        }
    }

    public void Dispose() => _db.Dispose();

    private async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Properties[SqliteSiloConfigurator.DirectoryKey] = _db.Directory;
        builder.AddSiloBuilderConfigurator<SqliteSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task StopAsync(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }
}
