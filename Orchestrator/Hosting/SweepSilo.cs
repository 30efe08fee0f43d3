using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sweep.Grains;
using Sweep.Grains.Storage;
using Sweep.Orchestrator.Running;

namespace Sweep.Orchestrator.Hosting;

/// <summary>
/// The embedded silo: localhost clustering on free loopback ports, grain state in <c>HOME/sweep.db</c> (SQLite),
/// and this node's trial runner. Holds the home's lock and advertises its gateway in <c>HOME/silo.json</c>; every
/// connection to it is mutual TLS with the home's key (<see cref="HomeKey"/>).
/// </summary>
public sealed class SweepSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly SiloLock _lock;

    private SweepSilo(IHost host, SiloLock siloLock, SiloEndpoint endpoint)
    {
        _host = host;
        _lock = siloLock;
        Endpoint = endpoint;
    }

    public SiloEndpoint Endpoint { get; }
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();
    public IServiceProvider Services => _host.Services;

    /// <exception cref="UsageException">Another silo serves this home.</exception>
    public static async Task<SweepSilo> StartAsync(SiloSettings settings, CancellationToken ct = default)
    {
        var home = settings.Home;
        var siloLock = SiloLock.TryAcquire(home)
            ?? throw new UsageException($"another sweep process serves {home.Path} (see {home.SiloFile}); use it, or stop it first");
        try
        {
            settings.Runner?.Validate();
            settings.Engine.Validate();
            var key = HomeKey.LoadOrCreate(home);
            var siloPort = settings.SiloPort ?? FreePort.Next();
            var gatewayPort = settings.GatewayPort ?? FreePort.Next();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
                .AddFilter(l => l >= settings.LogLevel)
                // Orleans' start-up notes (ServerGC, watchdog) are noise at the default level.
                .AddFilter("Orleans", settings.LogLevel >= LogLevel.Warning ? LogLevel.Error : LogLevel.Warning)
                .AddFilter("Polly", LogLevel.Warning)
                .AddFilter("Microsoft", LogLevel.Warning);
            builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.Configure<Grains.Sweeps.SweepEngineOptions>(o =>
            {
                o.LeaseTimeout = settings.Engine.LeaseTimeout;
                o.TickInterval = settings.Engine.TickInterval;
            });
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, siloPort),
                                            serviceId: "sweep", clusterId: "sweep-" + Environment.ProcessId);
                silo.AddSqliteGrainStorage(StorageNames.Sweep, o => o.DatabasePath = home.Database);
                silo.UseTls(key, o => HomeTls.Configure(o, key));
            });
            if (settings.Runner is { } runner)
            {
                builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(runner));
                builder.Services.AddSingleton<TrialRunnerService>();
                builder.Services.AddHostedService(sp => sp.GetRequiredService<TrialRunnerService>());
            }
            var host = builder.Build();
            await host.StartAsync(ct);
            var endpoint = new SiloEndpoint(Environment.ProcessId, siloPort, gatewayPort, DateTime.UtcNow);
            endpoint.Write(home);
            return new SweepSilo(host, siloLock, endpoint);
        }
        catch
        {
            siloLock.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _host.StopAsync(cts.Token);
        }
        finally
        {
            _host.Dispose();
            _lock.Dispose();
        }
    }
}
