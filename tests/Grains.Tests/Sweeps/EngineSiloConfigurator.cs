using Orleans.TestingHost;
using Sweep.Grains.Storage;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>A silo with the engine's SQLite storage in the directory passed through the cluster properties.</summary>
public sealed class EngineSiloConfigurator : ISiloConfigurator
{
    public const string DirectoryKey = "SweepTests:EngineDirectory";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var directory = siloBuilder.Configuration[DirectoryKey] ?? throw new InvalidOperationException($"{DirectoryKey} is not set");
        siloBuilder.AddSqliteGrainStorage(StorageNames.Sweep, o => o.DatabasePath = Path.Combine(directory, "sweep.db"));
    }
}
