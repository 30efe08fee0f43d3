namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// Followed in a log (stderr not a terminal), a sweep writes a progress line when it changes, about two per trial,
/// not one per poll: the clock and the ETA alone are no reason to write.
/// </summary>
public sealed class ProgressLogTests : SweepCliTest
{
    [Fact]
    public async Task A_sweep_followed_in_a_log_writes_at_most_two_progress_lines_per_trial()
    {
        var spec = Cli.WriteSpec("""
            apiVersion: sweep/v1
            name: quiet
            metric: { name: value, goal: minimize }
            sampler: { type: random, seed: 4 }
            budget: { maxTrials: 3, parallelTrials: 1 }
            parameters:
              x1: { type: float, low: -5, high: 10 }
              x2: { type: float, low: 0, high: 15 }
            trial:
              function: branin
              steps: 6
              stepSeconds: 0.5
            """);
        var (code, _, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "quiet");
        Assert.True(code == 0, err);
        var progress = err.Split('\n').Where(l => l.StartsWith("quiet ", StringComparison.Ordinal) && l.Contains("/3]", StringComparison.Ordinal)).ToList();
        // 3 trials, each started and finished once, plus the first and last look: 3 s trials polled every 0.5 s
        // would write a dozen more.
        Assert.True(progress.Count <= 2 * 3 + 2, $"{progress.Count} progress lines:\n{string.Join("\n", progress)}");
        Assert.Contains(progress, l => l.Contains("completed [3/3]", StringComparison.Ordinal));
    }
}
