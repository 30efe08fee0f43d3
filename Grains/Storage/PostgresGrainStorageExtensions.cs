using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization.Serializers;
using Orleans.Runtime.Hosting;

namespace Sweep.Grains.Storage;

/// <summary>Registers grain storage and the progress log in a cluster's PostgreSQL database.</summary>
public static class PostgresGrainStorageExtensions
{
    /// <summary>Adds grain storage named <paramref name="name"/> for the service <paramref name="serviceId"/> over <paramref name="database"/>, whose tables exist already.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, NpgsqlDataSource database, string serviceId) =>
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IProgressLog>(new PostgresProgressLog(database, serviceId));
            services.AddGrainStorage(name, (sp, providerName) => new GrainStateStorage(
                providerName,
                new PostgresStateRows(database, serviceId),
                sp.GetRequiredService<IActivatorProvider>(),
                sp.GetRequiredService<ILogger<GrainStateStorage>>()));
        });
}
