using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using Sweep.Orchestrator.Telemetry;

namespace Sweep.Orchestrator.Web;

/// <summary>
/// The web host of a silo or of <c>sweep web</c>: Kestrel in the same host as Orleans, serving the sweep pages at
/// <c>/</c>, their JSON at <c>/api/v1</c> and the Orleans dashboard at <c>/dashboard</c>, all behind the token
/// check when there is a token.
/// </summary>
public static class SweepWeb
{
    public const string DashboardPath = "/dashboard";

    /// <summary>A host builder whose Kestrel listens at <paramref name="web"/> only.</summary>
    public static WebApplicationBuilder CreateBuilder(WebSettings web)
    {
        // No defaults, as for the silo's plain host: no appsettings.json (and no file watcher on the install folder),
        // no ASPNETCORE_URLS that could widen what --web says, no HTTPS.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(web.Address, web.Port));
        builder.Services.AddRouting();
        return builder;
    }

    /// <summary>Builds the host and maps the pages, the API, the dashboard and, for a silo, <c>/metrics</c>.</summary>
    /// <param name="metrics">The host registered the Prometheus exporter (<see cref="SweepTelemetryServices.AddSweepTelemetry"/>).</param>
    public static WebApplication Build(WebApplicationBuilder builder, WebSettings web, bool metrics, Func<IServiceProvider, WebSource> source)
    {
        var app = builder.Build();
        if (web.Token is { } token)
        {
            var access = new WebAccess(token);
            app.Use((context, next) => access.InvokeAsync(context, next));
        }
        var data = source(app.Services);
        app.MapGet("/", context => WebAssets.ServeAsync(context, "index.html"));
        app.MapGet("/sweeps/{id}", context => WebAssets.ServeAsync(context, "sweep.html"));
        app.MapGet("/sweeps/{id}/trials/{number:int}", context => WebAssets.ServeAsync(context, "trial.html"));
        app.MapGet("/favicon.ico", context => WebAssets.ServeAsync(context, "favicon.svg"));
        app.MapGet("/assets/{**path}", (HttpContext context, string path) => WebAssets.ServeAsync(context, path));
        SweepApi.Map(app, data);
        app.MapOrleansDashboard(routePrefix: DashboardPath);
        if (metrics) app.MapSweepMetrics();   // behind the same token check
        return app;
    }

    /// <summary>The address the started host listens at, e.g. <c>http://127.0.0.1:5080/</c> (the port chosen when 0 was asked).</summary>
    public static string Url(IServiceProvider services, WebSettings web)
    {
        var bound = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is not null && Uri.TryCreate(bound, UriKind.Absolute, out var uri)) return $"http://{Host(web.Address)}:{uri.Port}/";
        return $"http://{web.Endpoint}/";
    }

    private static string Host(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
