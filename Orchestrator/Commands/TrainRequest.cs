namespace Sweep.Orchestrator.Commands;

/// <summary>The parsed <c>sweep train</c> command line, plus the SWEEP_PARAMS value it saw.</summary>
public sealed record TrainRequest(
    string? ConfigPath, IReadOnlyList<string> Sets, bool Resume, string? OutDir, bool DryRun, string Format, string? SweepParams);
