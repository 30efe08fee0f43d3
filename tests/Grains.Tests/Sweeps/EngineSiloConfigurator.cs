using Orleans.TestingHost;
using Sweep.Grains.Storage;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>A silo with the engine's SQLite storage in the directory passed through the cluster properties.</summary>
public sealed class EngineSiloConfigurator : ISiloConfigurator
{
    public const string DirectoryKey = "SweepTests:EngineDirectory";

    /// <summary>A deployed cluster of <paramref name="silos"/> engine silos over <paramref name="directory"/>'s sweep.db.</summary>
    public static async Task<TestCluster> DeployAsync(string directory, int silos, Action<TestClusterBuilder>? configure = null)
    {
        var builder = new TestClusterBuilder(initialSilosCount: (short)silos);
        builder.Properties[DirectoryKey] = directory;
        builder.AddSiloBuilderConfigurator<EngineSiloConfigurator>();
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public void Configure(ISiloBuilder siloBuilder)
    {
        var directory = siloBuilder.Configuration[DirectoryKey] ?? throw new InvalidOperationException($"{DirectoryKey} is not set");
        siloBuilder.AddSqliteGrainStorage(StorageNames.Sweep, o => o.DatabasePath = Path.Combine(directory, "sweep.db"));
    }
}
