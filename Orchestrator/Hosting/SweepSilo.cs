using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Dashboard;
using Sweep.Grains;
using Sweep.Grains.Storage;
using Sweep.Orchestrator.Cluster;
using Sweep.Orchestrator.Running;
using Sweep.Orchestrator.Store;
using Sweep.Orchestrator.Telemetry;
using Sweep.Orchestrator.Web;

namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// A silo and this node's trial runner. Embedded (no cluster): localhost clustering on free loopback ports, grain
/// state in <c>HOME/sweep.db</c> (SQLite), the home's lock held and its gateway advertised in <c>HOME/silo.json</c>.
/// In a cluster: Orleans' ADO.NET membership and our grain state in PostgreSQL, the schema made or migrated on start.
/// Every connection is mutual TLS with the home's or the cluster's key (<see cref="SweepKey"/>).
/// </summary>
public sealed class SweepSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly SiloLock? _lock;
    private readonly NpgsqlDataSource? _database;
    private readonly TimeSpan _stopTimeout;

    private SweepSilo(IHost host, SiloLock? siloLock, NpgsqlDataSource? database, SiloEndpoint endpoint, string address, TimeSpan stopTimeout,
                      string? webUrl)
    {
        _host = host;
        WebUrl = webUrl;
        _lock = siloLock;
        _database = database;
        Endpoint = endpoint;
        Address = address;
        _stopTimeout = stopTimeout;
    }

    public SiloEndpoint Endpoint { get; }

    /// <summary>The address other silos and clients reach this one at.</summary>
    public string Address { get; }

    /// <summary>Where the web host listens (<c>http://127.0.0.1:5080/</c>); null without one.</summary>
    public string? WebUrl { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();
    public IServiceProvider Services => _host.Services;

    /// <exception cref="UsageException">Another silo serves this home, or the cluster refuses this silo.</exception>
    public static async Task<SweepSilo> StartAsync(SiloSettings settings, CancellationToken ct = default)
    {
        settings.Runner?.Validate();
        settings.Engine.Validate();
        settings.Web?.EnsurePortFree();
        return settings.Cluster is { } cluster ? await JoinAsync(settings, cluster, ct) : await StartEmbeddedAsync(settings, ct);
    }

    private static async Task<SweepSilo> StartEmbeddedAsync(SiloSettings settings, CancellationToken ct)
    {
        var home = settings.Home;
        var siloLock = SiloLock.TryAcquire(home)
            ?? throw new UsageException($"another sweep process serves {home.Path} (see {home.SiloFile}); use it, or stop it first");
        try
        {
            var key = SweepKey.LoadOrCreate(home);
            var siloPort = Port(settings.SiloPort, null);
            var gatewayPort = Port(settings.GatewayPort, null);
            var builder = CreateBuilder(settings);
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, siloPort),
                                            serviceId: "sweep", clusterId: "sweep-" + Environment.ProcessId);
                silo.AddSqliteGrainStorage(StorageNames.Sweep, o => o.DatabasePath = home.Database);
                silo.UseTls(key, o => SweepKeyTls.Configure(o, key));
                if (settings.Web is not null) silo.AddDashboard(Dashboard);
            });
            AddRunner(builder, settings);
            var host = Build(builder, settings, () => SweepStore.Open(home), _ => Task.FromResult(true));
            await StartHostAsync(host, settings, ct);
            var endpoint = new SiloEndpoint(Environment.ProcessId, siloPort, gatewayPort, DateTime.UtcNow);
            endpoint.Write(home);
            return new SweepSilo(host, siloLock, null, endpoint, "127.0.0.1", StopTimeout(settings), WebUrlOf(host, settings));
        }
        catch
        {
            siloLock.Dispose();
            throw;
        }
    }

    private static async Task<SweepSilo> JoinAsync(SiloSettings settings, ClusterSettings cluster, CancellationToken ct)
    {
        var key = cluster.LoadKey();
        var database = cluster.OpenDataSource();
        try
        {
            await ClusterDatabase.PrepareAsync(database, cluster, silo: true, ct);
            var address = AdvertisedAddress(settings.Advertise, cluster);
            var siloPort = Port(settings.SiloPort, 11111);
            var gatewayPort = Port(settings.GatewayPort, 30000);
            var builder = CreateBuilder(settings);
            builder.UseOrleans(silo =>
            {
                cluster.Configure(silo, key);
                silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: true);
                silo.AddPostgresGrainStorage(StorageNames.Sweep, database, cluster.ServiceId);
                if (ClusterTiming.InKubernetes) silo.UseKubernetesHosting();
                // Every cluster silo keeps the dashboard's counters, so `sweep web --cluster` can show them.
                silo.AddDashboard(Dashboard);
            });
            AddRunner(builder, settings);
            // This silo is live while it serves the pages: its sweeps are served.
            var host = Build(builder, settings, () => new SweepStore(new PostgresStateReader(database, cluster.ServiceId)), _ => Task.FromResult(true));
            await StartHostAsync(host, settings, ct);
            return new SweepSilo(host, null, database, new SiloEndpoint(Environment.ProcessId, siloPort, gatewayPort, DateTime.UtcNow),
                                 address.ToString(), StopTimeout(settings), WebUrlOf(host, settings));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static IHostApplicationBuilder CreateBuilder(SiloSettings settings)
    {
        IHostApplicationBuilder builder = settings.Web is { } web
            ? SweepWeb.CreateBuilder(web)
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .AddFilter(l => l >= settings.LogLevel)
            // Orleans' start-up notes (ServerGC, watchdog) are noise at the default level.
            .AddFilter("Orleans", settings.LogLevel >= LogLevel.Warning ? LogLevel.Error : LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Error)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Npgsql", LogLevel.Warning);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopTimeout(settings));
        // A silo with a web host serves its meters at /metrics too.
        builder.Services.AddSweepTelemetry(settings.Web is null ? settings.Telemetry : settings.Telemetry with { Prometheus = true });
        builder.Services.Configure<Grains.Sweeps.SweepEngineOptions>(o =>
        {
            o.LeaseTimeout = settings.Engine.LeaseTimeout;
            o.TickInterval = settings.Engine.TickInterval;
        });
        return builder;
    }

    /// <summary>The dashboard's counters once a second (its default history: 100 samples).</summary>
    internal static void Dashboard(DashboardOptions o) => o.CounterUpdateIntervalMs = 1000;

    /// <summary>The host, with the web pages and API mapped when it serves them.</summary>
    private static IHost Build(IHostApplicationBuilder builder, SiloSettings settings, Func<SweepStore> openStore, Func<CancellationToken, Task<bool>> isServed) =>
        builder is WebApplicationBuilder web
            ? SweepWeb.Build(web, settings.Web!, metrics: true, services => new WebSource
            {
                OpenStore = openStore, Grains = services.GetRequiredService<IGrainFactory>, IsServedAsync = isServed,
                TrialsDirectory = settings.Runner?.TrialsDirectory ?? settings.Home.TrialsDirectory,
            })
            : ((HostApplicationBuilder)builder).Build();

    /// <exception cref="UsageException">The web host's port was taken after all (between the check and the start).</exception>
    private static async Task StartHostAsync(IHost host, SiloSettings settings, CancellationToken ct)
    {
        try
        {
            await host.StartAsync(ct);
        }
        catch (Exception e) when (settings.Web is { } web && (e is AddressInUseException || e.InnerException is AddressInUseException))
        {
            host.Dispose();
            throw web.InUse(e.Message);
        }
    }

    private static string? WebUrlOf(IHost host, SiloSettings settings) => settings.Web is { } web ? SweepWeb.Url(host.Services, web) : null;

    /// <summary>
    /// The runner is registered after the silo, so it starts after it and stops before it: a draining runner still
    /// reaches its sweeps, and the silo leaves the cluster only once the last attempt is handed back.
    /// </summary>
    private static void AddRunner(IHostApplicationBuilder builder, SiloSettings settings)
    {
        if (settings.Runner is not { } runner) return;
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(runner));
        builder.Services.AddSingleton<TrialRunnerService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrialRunnerService>());
    }

    /// <summary>Long enough for running trials to drain, then for the silo to hand its grains over and leave.</summary>
    private static TimeSpan StopTimeout(SiloSettings settings) => (settings.Runner?.DrainGrace ?? TimeSpan.Zero) + TimeSpan.FromSeconds(30);

    private static int Port(int? given, int? clusterDefault) => given switch
    {
        null when clusterDefault is { } port => port,
        null or 0 => FreePort.Next(),
        { } port => port,
    };

    /// <summary>
    /// <c>--advertise</c> (an address or a host name), else loopback when the database is on this machine's loopback
    /// (a cluster on one box), else the first up, non-loopback IPv4 address.
    /// </summary>
    /// <exception cref="UsageException">The name does not resolve, or there is no address to advertise.</exception>
    private static IPAddress AdvertisedAddress(string? advertise, ClusterSettings cluster)
    {
        if (advertise is not null)
        {
            if (IPAddress.TryParse(advertise, out var ip)) return ip;
            try
            {
                return Dns.GetHostAddresses(advertise).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                    ?? throw new UsageException($"--advertise {advertise}: the name has no IPv4 address");
            }
            catch (SocketException e)
            {
                throw new UsageException($"--advertise {advertise}: {e.Message}");
            }
        }
        if (cluster.Connection.Host is "localhost" or "127.0.0.1" or "::1") return IPAddress.Loopback;
        return NetworkInterface.GetAllNetworkInterfaces()
                   .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                   .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                   .Select(u => u.Address)
                   .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
               ?? throw new UsageException("no network address to advertise to the cluster: give --advertise HOST");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(_stopTimeout);
            await _host.StopAsync(cts.Token);
        }
        finally
        {
            _host.Dispose();
            _lock?.Dispose();
            if (_database is not null) await _database.DisposeAsync();
        }
    }
}
