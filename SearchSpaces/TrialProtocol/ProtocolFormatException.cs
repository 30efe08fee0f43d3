namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>A line that is not a valid protocol record; the message names the field and the value.</summary>
public sealed class ProtocolFormatException(string message) : Exception(message);
