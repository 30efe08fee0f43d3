using Microsoft.Extensions.Logging;
using Sweep.Orchestrator.Running;

namespace Sweep.Orchestrator.Hosting;

/// <summary>How <c>sweep start</c> / <c>sweep silo</c> host a silo on a home.</summary>
public sealed class SiloSettings
{
    public required SweepHome Home { get; init; }

    /// <summary>
    /// The cluster this silo joins (PostgreSQL membership and state); null: the embedded silo of <see cref="Home"/>
    /// (localhost clustering, SQLite), where the home holds only trial folders otherwise.
    /// </summary>
    public Cluster.ClusterSettings? Cluster { get; init; }

    /// <summary>The address other silos and clients reach this one at (cluster mode). Null: see <see cref="SweepSilo"/>.</summary>
    public string? Advertise { get; init; }

    /// <summary>Null: a free port (embedded), 11111 (cluster). 0: a free port.</summary>
    public int? SiloPort { get; init; }

    /// <summary>Null: a free port (embedded), 30000 (cluster). 0: a free port.</summary>

    public int? GatewayPort { get; init; }

    /// <summary>The runner of this silo (its GPU node); null = a silo that runs no trials.</summary>
    public RunnerOptions? Runner { get; init; }

    /// <summary>Lease and tick timing of the sweep grains.</summary>
    public Grains.Sweeps.SweepEngineOptions Engine { get; init; } = new();

    /// <summary>Where this silo's metrics go (<c>--otlp-endpoint</c>); by default nowhere.</summary>
    public Telemetry.TelemetryOptions Telemetry { get; init; } = new();

    /// <summary>The web host (pages, API, dashboard) this silo serves; null: none.</summary>
    public Web.WebSettings? Web { get; init; }

    /// <summary>Log level on stderr. Default: Warning (the CLI shows progress itself), or what -q / -v chose.</summary>
    public LogLevel LogLevel { get; init; } = Verbosity.LogLevelOr(LogLevel.Warning);
}
