using Orleans.TestingHost;
using Sweep.Grains.Storage;

namespace Sweep.Grains.Tests.Storage;

/// <summary>
/// Instantiated by type inside the test cluster, so the database directory arrives through
/// <see cref="TestClusterBuilder.Properties"/> (silo configuration), not a constructor.
/// </summary>
public sealed class SqliteSiloConfigurator : ISiloConfigurator
{
    public const string DirectoryKey = "SweepTests:SqliteDirectory";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var directory = siloBuilder.Configuration[DirectoryKey]
            ?? throw new InvalidOperationException($"Test cluster property {DirectoryKey} is not set.");
        siloBuilder
            .AddSqliteGrainStorage("sqlite", o => o.DatabasePath = Path.Combine(directory, "state.db"))
            .AddSqliteGrainStorageAsDefault(o => o.DatabasePath = Path.Combine(directory, "default.db"));
    }
}
