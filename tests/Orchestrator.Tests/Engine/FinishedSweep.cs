namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// A sweep run to its end once by <c>sweep start</c> on a temporary home, shared by the tests of one class that read it
/// but never change it.
/// </summary>
public abstract class FinishedSweep(string id, string spec) : IAsyncLifetime, IDisposable
{
    public SweepCli Cli { get; } = new();

    public string SpecPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        SpecPath = Cli.WriteSpec(spec);
        var (code, _, err) = await Cli.Run("start", SpecPath, "--home", Cli.Home, "--id", id);
        Assert.True(code == 0, err);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Cli.Dispose();
        GC.SuppressFinalize(this);
    }
}
