namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>A real sweep with <c>budget.enqueue</c>: the enqueued configurations run first, with exactly those values, marked.</summary>
public sealed class EnqueueSweepTests : SweepCliTest
{
    private const string Spec = """
        apiVersion: sweep/v1
        name: warm-branin
        metric: { name: value, goal: minimize }
        sampler: { type: tpe, seed: 4, startupTrials: 2 }
        budget:
          maxTrials: 4
          enqueue:
            - { x1: 3.14159, x2: 2.275 }
            - { x1: -3.0 }
        parameters:
          x1: { type: float, low: -5.0, high: 10.0 }
          x2: { type: float, low: 0.0, high: 15.0 }
        trial:
          function: branin
          steps: 2
        """;

    [Fact]
    public async Task Enqueued_configs_run_first_with_exactly_those_values_and_count_in_max_trials()
    {
        var (code, _, err) = await Cli.Run("start", Cli.WriteSpec(Spec), "--home", Cli.Home, "--id", "warm", "--cpu-slots", "1");
        Assert.True(code == 0, err);
        var trials = (await Cli.Trials("warm")).OrderBy(t => t!["number"]!.GetValue<int>()).ToList();
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal("complete", t!["state"]!.GetValue<string>()));
        Assert.Equal([true, true, false, false], trials.Select(t => t!["enqueued"]?.GetValue<bool>() ?? false));
        Assert.Equal(3.14159, trials[0]!["params"]!["x1"]!.GetValue<double>());
        Assert.Equal(2.275, trials[0]!["params"]!["x2"]!.GetValue<double>());
        Assert.Equal(0.397887, trials[0]!["value"]!.GetValue<double>(), 5);   // a minimum of branin
        Assert.Equal(-3.0, trials[1]!["params"]!["x1"]!.GetValue<double>());
        Assert.InRange(trials[1]!["params"]!["x2"]!.GetValue<double>(), 0.0, 15.0);
        // One slot: each started after the one before it, the enqueued ones first.
        var starts = trials.Select(t => DateTime.Parse(t!["started_utc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.Order(), starts);
    }
}
