namespace Sweep.Orchestrator.Execution;

/// <summary>A stdout line that breaks the trial protocol; the one-line message names the line and quotes it.</summary>
public sealed class TrialLineException(string message) : Exception(message);
