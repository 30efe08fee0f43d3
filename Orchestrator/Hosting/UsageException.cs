namespace Sweep.Orchestrator.Hosting;

/// <summary>A bad argument or missing input: the CLI prints the message and exits 2.</summary>
public sealed class UsageException(string message) : Exception(message);
