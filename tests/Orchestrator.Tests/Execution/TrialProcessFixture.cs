using Sweep.Contracts.TrialProtocol;
using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

/// <summary>A sandbox folder and a real launcher per test, and a helper that runs a trial to its end.</summary>
public abstract class TrialProcessFixture : IDisposable
{
    protected TrialSandbox Sandbox { get; } = new();

    protected TrialProcessLauncher Launcher { get; } = new();

    public void Dispose()
    {
        Launcher.Dispose();
        Sandbox.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<(TrialExit Exit, List<ProtocolRecord> Lines, int Pid)> RunAsync(TrialLaunch launch, Func<ProtocolRecord, bool>? decide = null) =>
        TrialRun.ToEndAsync(Launcher, launch, decide);
}
