using Sweep.Contracts.TrialProtocol;
using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

/// <summary>Starts a trial and runs it to its end, recording every line the callback saw.</summary>
internal static class TrialRun
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<(TrialExit Exit, List<ProtocolRecord> Lines, int Pid)> ToEndAsync(
        TrialProcessLauncher launcher, TrialLaunch launch, Func<ProtocolRecord, bool>? decide = null)
    {
        await using var trial = await launcher.StartAsync(launch);
        var lines = new List<ProtocolRecord>();
        var exit = await trial.RunAsync(line =>
        {
            lines.Add(line);
            return ValueTask.FromResult(decide?.Invoke(line) ?? true);
        }, CancellationToken.None).WaitAsync(Timeout);
        return (exit, lines, trial.ProcessId);
    }
}
