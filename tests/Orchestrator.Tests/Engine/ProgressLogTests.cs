using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// How a followed sweep shows on stderr. In a log (stderr not a terminal): one line when a trial starts and one when
/// it ends, plus a summary line at most every 30 s, the header and the last line; not one line per poll. On a
/// terminal: a live view with the running trials and the best, while stdout keeps only the summary.
/// </summary>
public sealed partial class ProgressLogTests : SweepCliTest
{
    /// <summary>The quickstart's shape (parallel trials, a median pruner judging steps) on a fast benchmark function.</summary>
    private static readonly string Spec =
        TestSpecs.BraninFunction("quiet", 6, sampler: TestSpecs.Random(4), pruner: TestSpecs.Median(2, warmupSteps: 2), steps: 6, stepSeconds: 0.3);

    /// <summary>The lines that are not about one trial: the sweep's header line and its last line.</summary>
    private const int FixedLines = 2;

    [Fact]
    public async Task The_quickstarts_stderr_in_a_log_is_at_most_two_lines_per_trial_plus_one_per_30_s()
    {
        var spec = Cli.WriteSpec(Spec);
        var clock = Stopwatch.StartNew();
        var (code, output, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "quiet");
        var seconds = clock.Elapsed.TotalSeconds;
        Assert.True(code == 0, err);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        const int trials = 6;
        var budget = 2 * trials + 1 + (int)Math.Ceiling(seconds / 30) + FixedLines;
        Assert.True(lines.Length <= budget, $"{lines.Length} lines on stderr (budget {budget} for {seconds:0} s):\n{err}");
        for (var n = 0; n < trials; n++)
        {
            var started = Array.FindIndex(lines, l => l.StartsWith($"trial {n} started on node ", StringComparison.Ordinal) && l.Contains(" slot cpu", StringComparison.Ordinal));
            var finals = lines.Select((l, i) => (l, i)).Where(x => FinalLine().IsMatch(x.l) && x.l.StartsWith($"trial {n} ", StringComparison.Ordinal)).ToList();
            Assert.True(started >= 0, $"no started line for trial {n}:\n{err}");
            Assert.True(finals.Count == 1, $"{finals.Count} final lines for trial {n}:\n{err}");
            Assert.True(finals[0].i > started, $"trial {n} ended before it started:\n{err}");
        }
        // The first complete trial is the best so far; the sweep's last line says it completed.
        Assert.EndsWith("(best so far)", lines.First(l => l.Contains(" complete: ", StringComparison.Ordinal)));
        Assert.StartsWith("quiet completed [6/6]", lines[^1]);
        Assert.DoesNotContain(output.Split('\n'), l => l.Contains(" started on node ", StringComparison.Ordinal) || FinalLine().IsMatch(l));
        Assert.Contains("completed", output);
    }

    [Fact]
    public async Task On_a_terminal_the_live_view_shows_the_running_trials_and_the_best_and_stdout_stays_data()
    {
        var spec = Cli.WriteSpec(Spec.Replace("name: quiet", "name: live", StringComparison.Ordinal));
        var stdout = Path.Combine(Cli.Directory, "stdout.txt");
        // script(1) gives the sweep a pseudo-terminal for stderr; stdout goes to a file, as a user's `> file` would.
        var command = $"stty cols 120 rows 50; TERM=xterm-256color exec dotnet '{SweepCli.Dll}' start '{spec}' --home '{Cli.Home}' --id live --no-web > '{stdout}'";
        var (code, screen, err) = await SweepCli.Exec("script", "-qefc", command, "/dev/null");
        var text = Ansi().Replace(screen, "");
        Assert.True(code == 0, $"exit {code}\n{text}\n{err}");
        Assert.Contains("running trials", text);
        // A row of a running trial: number, step (or - before its first report), last value, node/slot.
        Assert.Matches(@"│ \d+ +│ (\d+|-) +│ [^│]+│ [^│/]+/[^│]+│", text);
        Assert.Matches(@"best value: \d", text);
        // The last trial events under the table (the view keeps the last five).
        Assert.Matches(@"trial \d+ (started on node|complete: |pruned)", text);
        Assert.Contains("\u001b[", screen);
        var data = File.ReadAllText(stdout);
        Assert.DoesNotContain("\u001b", data);
        Assert.DoesNotContain("running trials", data);
        Assert.Matches(@"^field\s+value\n", data);
        Assert.Contains("completed", data);
    }

    [Fact]
    public async Task Quiet_leaves_stderr_empty_and_still_prints_the_summary()
    {
        var spec = Cli.WriteSpec(Spec.Replace("maxTrials: 6", "maxTrials: 2", StringComparison.Ordinal).Replace("stepSeconds: 0.3", "stepSeconds: 0", StringComparison.Ordinal));
        var (code, output, err) = await Cli.Run("start", spec, "--home", Cli.Home, "--id", "hush", "-q");
        Assert.True(code == 0, err);
        Assert.Empty(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));   // -q: only errors on stderr
        Assert.Contains("completed", output);
    }

    [GeneratedRegex(@"^trial \d+ (complete: |pruned|failed: )")]
    private static partial Regex FinalLine();

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])")]
    private static partial Regex Ansi();
}
