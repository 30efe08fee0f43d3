using Microsoft.Extensions.Logging;
using Sweep.Orchestrator.Running;

namespace Sweep.Orchestrator.Hosting;

/// <summary>How <c>sweep start</c> / <c>sweep silo</c> host a silo on a home.</summary>
public sealed class SiloSettings
{
    public required SweepHome Home { get; init; }

    /// <summary>Null: a free port is chosen.</summary>
    public int? SiloPort { get; init; }

    public int? GatewayPort { get; init; }

    /// <summary>The runner of this silo (its GPU node); null = a silo that runs no trials.</summary>
    public RunnerOptions? Runner { get; init; }

    /// <summary>Lease and tick timing of the sweep grains.</summary>
    public Grains.Sweeps.SweepEngineOptions Engine { get; init; } = new();

    /// <summary>Log level on stderr. Default: Warning (the CLI shows progress itself).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}
