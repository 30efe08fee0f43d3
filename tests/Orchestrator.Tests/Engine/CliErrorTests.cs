namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>Bad input to the sweep verbs: one clear line, exit 2, and nothing started or changed.</summary>
public sealed class CliErrorTests
{
    [Fact]
    public async Task A_home_that_is_a_file_or_cannot_be_made_and_a_spec_that_is_a_folder_are_one_line_each()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec("apiVersion: sweep/v1\nname: ok\nmetric: { name: value, goal: minimize }\nbudget: { maxTrials: 1 }\n" +
                                 "parameters:\n  x1: { type: float, low: 0, high: 1 }\n  x2: { type: float, low: 0, high: 1 }\ntrial:\n  function: branin\n");
        var file = Path.Combine(cli.Directory, "a-file");
        File.WriteAllText(file, "");
        foreach (var (args, message) in new[]
        {
            (new[] { "start", spec, "--home", file }, $"sweep start: --home {file} is a file, not a folder"),
            (["start", spec, "--home", "/proc/sweep-home"], "sweep start: --home /proc/sweep-home: "),
            (["start", cli.Directory, "--home", cli.Home], $"sweep start: {cli.Directory}:1:1: is a folder, not a spec file"),
            (["status", "--home", file], $"sweep status: --home {file} is a file, not a folder"),
        })
        {
            var (code, output, err) = await cli.Run(args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {err}");
            Assert.Equal("", output);
            Assert.StartsWith(message, Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
    }

    [Fact]
    public async Task A_spec_that_fails_validation_never_starts_a_sweep()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec("apiVersion: sweep/v1\nname: bad\nmetric: { name: value, goal: up }\nbudget: { maxTrials: 2 }\nparameters:\n  x: { type: float, low: 0, high: 1 }\ntrial:\n  function: branin\n");
        var (code, output, err) = await cli.Run("start", spec, "--home", cli.Home);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("sweep start: ", err);
        Assert.Contains("metric.goal", err);
        Assert.False(Directory.Exists(cli.Home));
    }

    [Fact]
    public async Task A_function_missing_its_parameters_is_a_usage_error()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec("apiVersion: sweep/v1\nname: bad\nmetric: { name: value, goal: minimize }\nbudget: { maxTrials: 2 }\nparameters:\n  x1: { type: float, low: 0, high: 1 }\ntrial:\n  function: branin\n");
        var (code, _, err) = await cli.Run("start", spec, "--home", cli.Home);
        Assert.Equal(2, code);
        Assert.Contains("trial.function branin reads parameters x1, x2; the spec does not define x2", err);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("trials")]
    [InlineData("best")]
    [InlineData("export")]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task A_missing_home_directory_is_named(string verb)
    {
        using var cli = new SweepCli();
        var (code, _, err) = await cli.Run(verb, "some-id", "--home", cli.Home);
        Assert.Equal(2, code);
        Assert.Equal($"sweep {verb}: home directory {cli.Home} does not exist (start a sweep there first, or pass --home DIR)", err.Trim());
    }

    [Fact]
    public async Task An_unknown_sweep_id_is_named_and_the_data_stays_intact()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec("apiVersion: sweep/v1\nname: ok\nmetric: { name: value, goal: minimize }\nbudget: { maxTrials: 3, parallelTrials: 1 }\nparameters:\n  x1: { type: float, low: -5, high: 10 }\n  x2: { type: float, low: 0, high: 15 }\ntrial:\n  function: branin\n");
        Assert.Equal(0, (await cli.Run("start", spec, "--home", cli.Home, "--id", "ok")).Code);
        foreach (var verb in new[] { "status", "trials", "best", "export", "stop", "cancel", "pause", "resume" })
        {
            var (code, _, err) = await cli.Run(verb, "nope", "--home", cli.Home);
            Assert.Equal(2, code);
            Assert.Contains("no sweep with id 'nope'", err);
        }
        Assert.Equal(3, (await cli.Status("ok"))["trials"]!["complete"]!.GetValue<int>());
    }
}
