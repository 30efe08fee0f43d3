using System.CommandLine;
using Sweep.Orchestrator.Telemetry;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>The flag that sends a silo host's metrics to an OpenTelemetry collector (<c>--otlp-endpoint URL</c>).</summary>
internal sealed class TelemetryFlags
{
    private readonly Option<string?> _otlpEndpoint = new("--otlp-endpoint")
    {
        Description = $"Export metrics (trials, queue, slots, ask time, Orleans') by OTLP to this collector URL, e.g. http://localhost:4318 " +
                      $"(default: {TelemetryOptions.EndpointVariable}; {TelemetryOptions.ProtocolVariable}=grpc for gRPC).",
    };

    public void AddTo(Command command) => command.Add(_otlpEndpoint);

    /// <summary>Whether the flag itself was given (the environment variable alone does not count).</summary>
    public bool IsGiven(ParseResult pr) => pr.GetValue(_otlpEndpoint) is not null;

    /// <exception cref="Hosting.UsageException">The URL is not an absolute http(s) URL.</exception>
    public TelemetryOptions Read(ParseResult pr) => TelemetryOptions.From(pr.GetValue(_otlpEndpoint), Environment.GetEnvironmentVariable);
}
