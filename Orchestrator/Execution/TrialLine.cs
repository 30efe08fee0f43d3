namespace Sweep.Orchestrator.Execution;

/// <summary>One parsed stdout line of a trial: <see cref="TrialProgress"/> or <see cref="TrialResult"/>.</summary>
/// <param name="Metrics">Every numeric top-level field of the line, by name (null fields skipped).</param>
public abstract record TrialLine(IReadOnlyDictionary<string, double> Metrics);
