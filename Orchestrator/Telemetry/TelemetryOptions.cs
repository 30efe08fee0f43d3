using OpenTelemetry.Exporter;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Telemetry;

/// <summary>
/// Where a host's metrics go: an OpenTelemetry collector (OTLP, pushed every <see cref="ExportInterval"/> and once
/// more when the host stops), Prometheus scrapes of <c>/metrics</c> on the web host, both, or nowhere.
/// </summary>
public sealed record TelemetryOptions
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The collector's base URL (as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); null: no OTLP export.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>HTTP/protobuf (the collector's port 4318) unless <c>OTEL_EXPORTER_OTLP_PROTOCOL=grpc</c> (port 4317).</summary>
    public OtlpExportProtocol OtlpProtocol { get; init; } = OtlpExportProtocol.HttpProtobuf;

    public TimeSpan ExportInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Keep the instruments for <c>/metrics</c> (<see cref="SweepMetricsEndpoint.MapSweepMetrics"/>): the web host sets it.</summary>
    public bool Prometheus { get; init; }

    public bool IsEnabled => OtlpEndpoint is not null || Prometheus;

    /// <summary>
    /// Where HTTP/protobuf posts metrics: the base URL with the signal's path <c>v1/metrics</c> added, as the
    /// OpenTelemetry spec says for the endpoint variable (unless the URL already ends with it); gRPC takes the base.
    /// </summary>
    public Uri? MetricsUrl => OtlpEndpoint is not { } e ? null
        : OtlpProtocol == OtlpExportProtocol.Grpc || e.AbsolutePath.EndsWith("/v1/metrics", StringComparison.Ordinal) ? e
        : new Uri(e.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/v1/metrics" + e.Query);

    /// <summary>From <c>--otlp-endpoint</c>, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; the protocol from <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.</summary>
    /// <exception cref="UsageException">The URL is not an absolute http(s) URL, or the protocol is unknown.</exception>
    public static TelemetryOptions From(string? otlpEndpoint, Func<string, string?> environment)
    {
        var (text, source) = otlpEndpoint is not null ? (otlpEndpoint, "--otlp-endpoint")
            : environment(EndpointVariable) is { Length: > 0 } variable ? (variable, EndpointVariable) : (null, null);
        if (text is null) return new TelemetryOptions();
        var protocol = environment(ProtocolVariable) switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new UsageException($"{ProtocolVariable}='{other}': use http/protobuf or grpc (http/json is not supported)"),
        };
        return new TelemetryOptions { OtlpEndpoint = ParseEndpoint(text, source!), OtlpProtocol = protocol };
    }

    private static Uri ParseEndpoint(string text, string source)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo))
            return uri;
        throw new UsageException($"{source} '{text}': give the collector's absolute http:// or https:// URL (e.g. http://localhost:4318)");
    }
}
