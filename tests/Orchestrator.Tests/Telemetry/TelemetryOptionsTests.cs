using Sweep.Orchestrator.Hosting;
using Sweep.Orchestrator.Telemetry;

namespace Sweep.Orchestrator.Tests.Telemetry;

/// <summary>Where OTLP metrics go for a given base URL and protocol, as the OpenTelemetry environment variables define it.</summary>
public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("http://collector:4318", null, "http://collector:4318/v1/metrics")]
    [InlineData("https://collector:4318/otlp/", null, "https://collector:4318/otlp/v1/metrics")]
    [InlineData("http://collector:4318/v1/metrics", null, "http://collector:4318/v1/metrics")]
    [InlineData("http://collector:4317", "grpc", "http://collector:4317/")]
    public void The_metrics_url_adds_the_signal_path_for_http_only(string endpoint, string? protocol, string expected)
    {
        var options = TelemetryOptions.From(endpoint, name => name == TelemetryOptions.ProtocolVariable ? protocol : null);
        Assert.Equal(expected, options.MetricsUrl!.ToString());
    }

    [Fact]
    public void The_flag_wins_over_the_variable_and_neither_means_no_export()
    {
        var variable = new Dictionary<string, string?> { [TelemetryOptions.EndpointVariable] = "http://from-env:4318" };
        Assert.Equal("from-env", TelemetryOptions.From(null, n => variable.GetValueOrDefault(n)).OtlpEndpoint!.Host);
        Assert.Equal("from-flag", TelemetryOptions.From("http://from-flag:4318", n => variable.GetValueOrDefault(n)).OtlpEndpoint!.Host);
        Assert.False(TelemetryOptions.From(null, _ => null).IsEnabled);
    }

    [Fact]
    public void An_unknown_protocol_is_a_usage_error_naming_the_variable()
    {
        var e = Assert.Throws<UsageException>(() => TelemetryOptions.From("http://c:4318", n => n == TelemetryOptions.ProtocolVariable ? "http/json" : null));
        Assert.StartsWith("OTEL_EXPORTER_OTLP_PROTOCOL='http/json'", e.Message, StringComparison.Ordinal);
    }
}
