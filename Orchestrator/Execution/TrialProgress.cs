namespace Sweep.Orchestrator.Execution;

/// <summary>An intermediate report: <c>{"type":"progress","step":3,"val_top1":0.41,...}</c>.</summary>
/// <param name="Step">The "step" field, or "epoch" when a program reports no step.</param>
public sealed record TrialProgress(long Step, IReadOnlyDictionary<string, double> Metrics) : TrialLine(Metrics);
