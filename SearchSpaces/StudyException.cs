namespace Sweep.SearchSpaces;

/// <summary>A call that breaks a study invariant (unknown trial, tell twice, report after the end).</summary>
public sealed class StudyException(string message) : Exception(message);
