namespace Sweep.Orchestrator.Execution;

/// <summary>A trial could not be started: missing program, missing util-linux tool, bad working directory.</summary>
public sealed class TrialStartException(string message, Exception? inner = null) : Exception(message, inner);
