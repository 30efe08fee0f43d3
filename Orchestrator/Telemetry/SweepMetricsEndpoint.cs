using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Sweep.Orchestrator.Telemetry;

/// <summary><c>/metrics</c>: the host's meters as Prometheus text.</summary>
public static class SweepMetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>Needs <see cref="SweepTelemetryServices.AddSweepTelemetry"/> with <see cref="TelemetryOptions.Prometheus"/> on the same host.</summary>
    public static IEndpointConventionBuilder MapSweepMetrics(this IEndpointRouteBuilder app) => app.MapPrometheusScrapingEndpoint(Path);
}
