using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Sweep.Grains.Telemetry;

namespace Sweep.Orchestrator.Telemetry;

/// <summary>Registers the metrics pipeline of a host: our meter and Orleans', to the exporters the options name.</summary>
public static class SweepTelemetryServices
{
    /// <summary>The meter Orleans' runtime and client record on (grain calls, activations, messaging, membership).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>
    /// One call per host: a second call would add a second pipeline. Nothing is registered when the options name no
    /// exporter. Give <see cref="TelemetryOptions.OtlpEndpoint"/> to one host per process only, or the collector
    /// receives every measurement twice.
    /// </summary>
    public static IServiceCollection AddSweepTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        if (!options.IsEnabled) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("sweep", serviceVersion: typeof(SweepTelemetryServices).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SweepMetrics.MeterName, OrleansMeterName);
                if (options.MetricsUrl is { } url)
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        exporter.Endpoint = url;
                        exporter.Protocol = options.OtlpProtocol;
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                    });
                if (options.Prometheus) metrics.AddPrometheusExporter();
            });
        return services;
    }
}
