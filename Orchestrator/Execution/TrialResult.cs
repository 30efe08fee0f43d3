namespace Sweep.Orchestrator.Execution;

/// <summary>The final report: <c>{"type":"result","status":"complete","value":0.83}</c>.</summary>
/// <param name="Status"><see cref="Complete"/> or <see cref="Failed"/>.</param>
public sealed record TrialResult(string Status, IReadOnlyDictionary<string, double> Metrics, string? Error) : TrialLine(Metrics)
{
    public const string Complete = "complete";
    public const string Failed = "failed";
}
