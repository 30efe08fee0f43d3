namespace Sweep.Orchestrator.Tests.Engine;

/// <summary><c>sweep logs</c>: a trial's stdout.log and stderr.log, one of them, or followed until the trial ends.</summary>
public sealed class LogsCommandTests : SweepCliTest
{
    private string CommandSpec(int maxTrials, double seconds)
    {
        var script = Path.Combine(Cli.Directory, "talk.sh");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            echo "first $1"
            echo "warning: $1" >&2
            sleep {{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
            echo "last $1"
            printf '{"type":"result","status":"complete","loss":%s}\n' "$1"
            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Cli.WriteSpec($$"""
            apiVersion: sweep/v1
            name: talk
            metric: { name: loss, goal: minimize }
            budget: { maxTrials: {{maxTrials}}, parallelTrials: 1 }
            parameters:
              x: { type: float, low: 0, high: 1 }
            trial:
              command: "./talk.sh ${x}"
            """);
    }

    [Fact]
    public async Task Prints_both_logs_or_one_of_them()
    {
        Assert.Equal(0, (await Cli.Run("start", CommandSpec(1, 0), "--home", Cli.Home, "--id", "t")).Code);
        var folder = Path.Combine(Cli.Home, "trials", "t", "0");
        var (code, output, err) = await Cli.Run("logs", "t", "0", "--home", Cli.Home);
        Assert.True(code == 0, err);
        Assert.Equal($"==> {folder}/stdout.log <==\n{File.ReadAllText(Path.Combine(folder, "stdout.log"))}\n" +
                     $"==> {folder}/stderr.log <==\n{File.ReadAllText(Path.Combine(folder, "stderr.log"))}", output);
        (code, output, _) = await Cli.Run("logs", "t", "0", "--home", Cli.Home, "--stdout");
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "stdout.log")), output);
        Assert.StartsWith("first ", output);
        (code, output, _) = await Cli.Run("logs", "t", "0", "--home", Cli.Home, "--stderr");
        Assert.Equal(0, code);
        Assert.StartsWith("warning: ", output);
        Assert.DoesNotContain("first", output);
    }

    [Fact]
    public async Task Follow_prints_what_comes_until_the_trial_finishes()
    {
        var (code, _, err) = await Cli.Run("start", CommandSpec(2, 1.5), "--home", Cli.Home, "--id", "f", "--detach");
        Assert.True(code == 0, err);
        var started = DateTime.UtcNow;
        (code, var output, err) = await Cli.Run("logs", "f", "1", "--home", Cli.Home, "--follow", "--stdout");
        Assert.True(code == 0, err);
        // Trial 1 waits for trial 0 (one slot), then talks for 1.5 s: follow saw all of it, the last line included.
        Assert.Matches(@"^first [0-9.]+\nlast [0-9.]+\n\{""type"":""result""", output);
        Assert.True(DateTime.UtcNow - started > TimeSpan.FromSeconds(1.5));
        var trials = await Cli.Trials("f");
        Assert.Equal("complete", trials[1]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Follow_ends_with_one_line_when_the_sweeps_process_dies()
    {
        using var sweep = Cli.Start(null, "start", CommandSpec(1, 60), "--home", Cli.Home, "--id", "dies");
        var log = Path.Combine(Cli.Home, "trials", "dies", "0", "stdout.log");
        for (var i = 0; i < 240 && !(File.Exists(log) && File.ReadAllText(log).Contains("first", StringComparison.Ordinal)); i++) await Task.Delay(250);
        var follow = Cli.Run("logs", "dies", "0", "--home", Cli.Home, "--follow", "--stdout");
        await Task.Delay(1000);
        sweep.Kill();   // SIGKILL: the sweep stays "running" in storage with nobody serving it
        var (code, output, err) = await follow.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, code);
        Assert.StartsWith("first ", output, StringComparison.Ordinal);
        Assert.Contains("sweep dies is interrupted", err, StringComparison.Ordinal);
        Assert.Contains("`sweep resume dies`", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_trials_and_a_missing_folder_are_one_line_each()
    {
        Assert.Equal(0, (await Cli.Run("start", CommandSpec(1, 0), "--home", Cli.Home, "--id", "t")).Code);
        var (code, output, err) = await Cli.Run("logs", "t", "7", "--home", Cli.Home);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("sweep logs: sweep t has no trial 7 (trials 0..0; see `sweep trials t`)", err.Trim());
        (code, _, err) = await Cli.Run("logs", "nope", "0", "--home", Cli.Home);
        Assert.Equal(2, code);
        Assert.Contains("no sweep with id 'nope'", err);
        (code, _, err) = await Cli.Run("logs", "t", "0", "--home", Cli.Home, "--stdout", "--stderr");
        Assert.Equal(2, code);
        Assert.Equal("sweep logs: --stdout and --stderr exclude each other (neither: both logs)", err.Trim());

        Directory.Delete(Path.Combine(Cli.Home, "trials", "t", "0"), recursive: true);
        (code, _, err) = await Cli.Run("logs", "t", "0", "--home", Cli.Home);
        Assert.Equal(1, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("has no log folder", err);
    }

    [Fact]
    public async Task A_trial_another_node_ran_says_where_its_logs_are()
    {
        // A home silo under another node name stands for the machine that ran the trial.
        using var silo = Cli.Start(null, "silo", "--home", Cli.Home, "--node", "gpu-box-7", "--cpu-slots", "1", "--exit-when-idle", "30");
        try
        {
            await NodeNamedInErrorAsync();
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
        }
    }

    private async Task NodeNamedInErrorAsync()
    {
        await SweepCli.WaitUntil(() => Task.FromResult(File.Exists(Path.Combine(Cli.Home, "silo.json"))), TimeSpan.FromSeconds(60), "the silo served the home");
        var (code, _, err) = await Cli.Run("start", CommandSpec(1, 0), "--home", Cli.Home, "--id", "n");
        Assert.True(code == 0, err);
        Assert.Equal("gpu-box-7", (await Cli.Trials("n"))[0]!["node"]!.GetValue<string>());
        Directory.Delete(Path.Combine(Cli.Home, "trials", "n", "0"), recursive: true);
        (code, var output, err) = await Cli.Run("logs", "n", "0", "--home", Cli.Home);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("sweep logs: trial 0's logs are on node 'gpu-box-7', the machine that ran it", err);
        Assert.Single(err.Trim().Split('\n'));
    }
}
