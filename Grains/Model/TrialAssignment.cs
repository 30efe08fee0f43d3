using System.Collections.Immutable;

namespace Sweep.Grains.Model;

/// <summary>
/// What a runner needs to start one attempt of a trial: what to run (<see cref="Kind"/>, <see cref="Target"/>),
/// the fixed settings and proposed parameters as <c>key=value</c> pairs (passed as <c>--set</c>), the same as a
/// JSON object (the <c>SWEEP_PARAMS</c> variable), and which field of the protocol lines is the metric.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrialAssignment
{
    [Id(0)] public required string SweepId { get; init; }
    [Id(1)] public int Number { get; init; }
    [Id(2)] public int Attempt { get; init; }
    [Id(3)] public TrialKind Kind { get; init; }
    [Id(4)] public required string Target { get; init; }
    [Id(5)] public ImmutableArray<string> Settings { get; init; } = [];
    [Id(6)] public required string ParamsJson { get; init; }
    [Id(7)] public required string MetricName { get; init; }
    /// <summary>Report steps a function trial runs (its synthetic learning curve); from <c>trial.steps</c>.</summary>
    [Id(8)] public int Steps { get; init; }
    /// <summary>Sleep between a function trial's steps (<c>trial.stepSeconds</c>), to emulate training time.</summary>
    [Id(9)] public double StepSeconds { get; init; }
    /// <summary>The parameters' external values, for in-process functions.</summary>
    [Id(10)] public ImmutableArray<ParamValue> Values { get; init; } = [];
    /// <summary>Which progress counter the pruner judges (<c>pruner.resource</c>).</summary>
    [Id(11)] public ResourceUnit Resource { get; init; }
    /// <summary>SIGTERM-to-SIGKILL grace when the attempt is stopped (<c>trial.stopGrace</c>).</summary>
    [Id(12)] public TimeSpan StopGrace { get; init; }
    /// <summary>Wall-clock limit of the attempt (<c>trial.timeout</c>); null: none.</summary>
    [Id(13)] public TimeSpan? Timeout { get; init; }
    /// <summary>The longest the attempt may go without a protocol line (<c>trial.progressTimeout</c>); null: none.</summary>
    [Id(14)] public TimeSpan? ProgressTimeout { get; init; }
    /// <summary>GPU memory the attempt holds on its device (<c>trial.gpuMemoryGb</c>); null: a whole slot.</summary>
    [Id(15)] public double? GpuMemoryGb { get; init; }
    /// <summary>The trial's seed (also in <see cref="Settings"/> and <see cref="ParamsJson"/> as <c>seed</c>): <c>SWEEP_SEED</c>.</summary>
    [Id(16)] public int? Seed { get; init; }
}
