using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Report;

/// <summary>
/// One small finished sweep shared by the report tests: a function objective, no pruner (so every trial reports all
/// its steps), run to the end by <c>sweep start</c> on a temporary home.
/// </summary>
public sealed class ReportSweep : IAsyncLifetime
{
    public const string Id = "rep";
    public const int Trials = 6;
    public const int Steps = 3;

    private const string Spec = """
        apiVersion: sweep/v1
        name: rep
        metric: { name: value, goal: minimize }
        sampler: { type: tpe, seed: 3 }
        budget: { maxTrials: 6, parallelTrials: 2 }
        parameters:
          x: { type: float, low: -5, high: 5 }
          lr: { type: float, low: 1.0e-5, high: 1.0, log: true }
          n_layers: { type: int, low: 1, high: 8 }
          units: { type: int, low: 8, high: 1024, log: true }
          optimizer: { type: categorical, choices: [sgd, adam, rmsprop, adagrad] }
        trial:
          function: mixed
          steps: 3
        """;

    public SweepCli Cli { get; } = new();

    public async Task InitializeAsync()
    {
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(Spec), "--home", Cli.Home, "--id", Id);
        Assert.True(code == 0, err);
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}
