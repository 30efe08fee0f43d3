namespace Sweep.Orchestrator.AskTell;

/// <summary>A request the server rejects; the message is the whole <c>error</c> text of the response.</summary>
public sealed class ProtocolException(string message) : Exception(message);
