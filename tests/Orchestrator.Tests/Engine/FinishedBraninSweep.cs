namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>One finished branin sweep (id <c>b</c>, 8 trials, some pruned) that a test class reads but never changes.</summary>
public sealed class FinishedBraninSweep : IAsyncLifetime, IDisposable
{
    public const string Id = "b";

    public const string Spec = """
        apiVersion: sweep/v1
        name: branin
        metric: { name: value, goal: minimize }
        sampler: { type: random, seed: 11 }
        pruner: { type: median, startupTrials: 2 }
        budget: { maxTrials: 8, parallelTrials: 2 }
        parameters:
          x1: { type: float, low: -5, high: 10 }
          x2: { type: float, low: 0, high: 15 }
        trial:
          function: branin
          steps: 6
        """;

    public SweepCli Cli { get; } = new();

    public string SpecPath { get; private set; } = "";

    public async Task InitializeAsync()
    {
        SpecPath = Cli.WriteSpec(Spec);
        var (code, _, err) = await Cli.Run("start", SpecPath, "--home", Cli.Home, "--id", Id);
        Assert.True(code == 0, err);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Cli.Dispose();
}
