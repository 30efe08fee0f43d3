using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Telemetry;

namespace Sweep.Orchestrator.Tests.Telemetry;

/// <summary>
/// A minimal ASP.NET Core host on loopback wired as the web host wires it (AddSweepTelemetry, MapSweepMetrics), so
/// /metrics is served by Kestrel and read over HTTP.
/// </summary>
public sealed class MetricsWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsWebHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<MetricsWebHost> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSweepTelemetry(new TelemetryOptions { Prometheus = true });
        var app = builder.Build();
        app.MapSweepMetrics();
        await app.StartAsync();
        return new MetricsWebHost(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var response = await http.GetAsync(new Uri(SweepMetricsEndpoint.Path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
