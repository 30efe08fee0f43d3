namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>A test class that drives the real <c>sweep</c> executable on a temporary home of its own.</summary>
public abstract class SweepCliTest : IDisposable
{
    protected SweepCli Cli { get; } = new();

    public void Dispose()
    {
        Cli.Dispose();
        GC.SuppressFinalize(this);
    }
}
