using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using Sweep.Orchestrator.Web;

namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// A way to call the grains of a home: as a client of the live silo serving it (<c>HOME/silo.json</c>), or through
/// a silo hosted in this process when none serves it.
/// </summary>
public sealed class SweepConnection : IAsyncDisposable
{
    // A silo that has just started on a busy machine (a detached one, the CPU shared with training) can take a while.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost? _client;

    private SweepConnection(IGrainFactory grains, SweepSilo? silo, IHost? client, string? webUrl = null)
    {
        WebUrl = webUrl ?? silo?.WebUrl;
        Grains = grains;
        Silo = silo;
        _client = client;
    }

    public IGrainFactory Grains { get; }

    /// <summary>The silo this process hosts, or null when connected to another process's silo.</summary>
    public SweepSilo? Silo { get; }

    public bool IsHosted => Silo is not null;

    /// <summary>Where this process's web host listens; null without one.</summary>
    public string? WebUrl { get; }

    /// <summary>Connects to the live silo of the home, or hosts one with <paramref name="hostSettings"/>.</summary>
    public static async Task<SweepConnection> OpenAsync(SweepHome home, SiloSettings hostSettings, CancellationToken ct = default)
    {
        if (SiloEndpoint.ReadLive(home) is { } live)
        {
            try
            {
                return await ConnectAsync(home, live, ct);
            }
            catch (InvalidOperationException) when (SiloEndpoint.ReadLive(home) is null)
            {
                // The serving process ended while we connected: serve the home ourselves.
            }
        }
        var silo = await SweepSilo.StartAsync(hostSettings, ct);
        return new SweepConnection(silo.Grains, silo, null);
    }

    /// <summary>
    /// A client of a cluster: checks the cluster in its database (exists, same service and protocol, a live silo),
    /// then connects through the gateways membership lists, proving itself with the cluster's key.
    /// </summary>
    /// <exception cref="UsageException">The cluster refuses this client (see <see cref="Cluster.ClusterRegistry"/>).</exception>
    /// <exception cref="InvalidOperationException">The database or the silos cannot be reached, or the key is refused.</exception>
    /// <param name="web">A web host to serve from this client (<c>sweep web</c>): the pages and the silos' dashboard.</param>
    public static async Task<SweepConnection> ConnectAsync(Cluster.ClusterSettings cluster, CancellationToken ct = default, WebSettings? web = null)
    {
        var key = cluster.LoadKey();
        await using (var database = cluster.OpenDataSource())
            await Cluster.ClusterDatabase.PrepareAsync(database, cluster, silo: false, ct);
        web?.EnsurePortFree();
        IHostApplicationBuilder builder = web is null
            ? Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true })
            : SweepWeb.CreateBuilder(web);
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c =>
        {
            cluster.Configure(c, key);
            // The dashboard on a client reads the counters the silos keep (every cluster silo adds it).
            if (web is not null) c.AddDashboard(SweepSilo.Dashboard);
        });
        var host = builder is WebApplicationBuilder webBuilder
            ? SweepWeb.Build(webBuilder, web!, metrics: false, services =>
            {
                var database = cluster.OpenDataSource();
                services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(database.Dispose);
                return new WebSource
                {
                    OpenStore = () => new Store.SweepStore(new Grains.Storage.PostgresStateReader(database, cluster.ServiceId)),
                    Grains = services.GetRequiredService<IClusterClient>,
                    IsServedAsync = async c => await Cluster.ClusterRegistry.LiveSilosAsync(database, cluster.ClusterId, c) > 0,
                };
            })
            : ((HostApplicationBuilder)builder).Build();
        return await StartClientAsync(host, ct, () =>
            $"no silo of cluster '{cluster.ClusterId}' ({cluster.Database}) accepted this process within {ConnectTimeout.TotalSeconds:F0} s: " +
            $"they refuse any key but the cluster's (this process used {cluster.KeyFile}; copy the silos' key there, or give --key), or they are not answering", web);
    }

    /// <summary>A client of the silo at <paramref name="endpoint"/> (same process id = same cluster id), proving itself with the home's key.</summary>
    /// <exception cref="InvalidOperationException">The silo refused the key or did not answer in time.</exception>
    public static async Task<SweepConnection> ConnectAsync(SweepHome home, SiloEndpoint endpoint, CancellationToken ct = default)
    {
        var key = SweepKey.LoadOrCreate(home);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c =>
        {
            c.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, endpoint.GatewayPort));
            c.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = "sweep-" + endpoint.ProcessId;
                o.ServiceId = "sweep";
            });
            c.UseTls(key, o => SweepKeyTls.Configure(o, key));
        });
        return await StartClientAsync(builder.Build(), ct, () =>
            $"the silo serving {home.Path} (pid {endpoint.ProcessId}, port {endpoint.GatewayPort}) did not accept this process within " +
            $"{ConnectTimeout.TotalSeconds:F0} s: it refuses any key but its home's ({home.KeyFile}), or it is not answering");
    }

    /// <summary>Starts a client host; a refused client retries for ever, so the start is bounded and says why it may have failed.</summary>
    private static async Task<SweepConnection> StartClientAsync(IHost host, CancellationToken ct, Func<string> refused, WebSettings? web = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or Orleans.Runtime.OrleansException && !ct.IsCancellationRequested)
        {
            host.Dispose();
            throw new InvalidOperationException(refused());
        }
        return new SweepConnection(host.Services.GetRequiredService<IClusterClient>(), null, host,
                                   host is WebApplication && web is not null ? SweepWeb.Url(host.Services, web) : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }
        if (Silo is not null) await Silo.DisposeAsync();
    }
}
