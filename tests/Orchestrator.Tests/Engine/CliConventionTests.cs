using System.Text.Json.Nodes;

namespace Sweep.Orchestrator.Tests.Engine;

/// <summary>
/// What every verb shares: parse errors exit 2 with one line and a suggestion, <c>sweep help</c>, case-insensitive
/// <c>-f</c>, <c>-o -</c>, <c>SWEEP_HOME</c>, <c>-q</c>/<c>-v</c>, and no .NET type name in any message.
/// </summary>
public sealed class CliConventionTests(FinishedBraninSweep sweep) : IClassFixture<FinishedBraninSweep>
{
    private SweepCli Cli => sweep.Cli;

    private static readonly string[] Verbs =
        ["start", "status", "list", "trials", "nodes", "best", "logs", "export", "stop", "cancel", "pause", "resume", "silo", "key", "version",
         "validate", "ask-tell", "doctor", "train", "bench-train", "help"];

    /// <summary>Words that would mean an internal type leaked into a message.</summary>
    private static readonly string[] Internal =
        ["System.", "Sweep.", "Microsoft.", "Exception", "OutputFormat", "TrialState", "TrialOrder", "Int32", "Double", "Boolean", "String[]"];

    [Fact]
    public async Task Bad_input_on_every_verb_exits_2_with_our_words_and_nothing_on_stdout()
    {
        var cases = new List<string[]>();
        foreach (var verb in Verbs) cases.Add([verb, "--no-such-option"]);
        cases.AddRange(
        [
            ["strat"], [], ["trials"], ["logs", "b"], ["logs", "b", "one"], ["trials", "b", "-f", "xml"], ["trials", "b", "--state", "done"],
            ["trials", "b", "--limit", "many"], ["trials", "b", "--sort", "size"], ["best", "b", "--epochs", "x"], ["export", "b", "-f", "xml"],
            ["status", "-f", "csv"], ["start", "s.yaml", "--cpu-slots", "two"], ["silo", "--gpu-memory-gb", "lots"], ["validate", "-f", "xml"],
            ["doctor", "-f", "yaml"], ["ask-tell", "--sampler", "nope"], ["train", "-f", "toml"], ["bench-train", "--iters", "1.5"], ["help", "nope"],
            ["trials", "b", "--desc=maybe"], ["list", "extra"],
        ]);
        foreach (var args in cases)
        {
            var (code, output, err) = await Cli.Run(args);
            var what = $"sweep {string.Join(' ', args)}";
            Assert.True(code == 2, $"{what}: exit {code}: {err}");
            Assert.True(output == "", $"{what}: stdout: {output}");
            var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length >= 2, $"{what}: {err}");
            Assert.All(lines, l => Assert.StartsWith("sweep: ", l));
            Assert.Equal("sweep: see `sweep help`, or `sweep help VERB`", lines[^1]);
            foreach (var word in Internal) Assert.False(err.Contains(word, StringComparison.Ordinal), $"{what}: '{word}' in: {err}");
        }
    }

    [Fact]
    public async Task Run_time_errors_of_the_read_verbs_name_no_internal_type_either()
    {
        foreach (var args in new[]
        {
            new[] { "trials", "nope", "--home", Cli.Home }, ["best", "nope", "--home", Cli.Home], ["logs", "b", "99", "--home", Cli.Home],
            ["logs", "b", "0", "--home", Cli.Home], ["trials", "b", "--home", Cli.Home, "--limit", "0"], ["status", "b", "--home", "/nonexistent/h"],
        })
        {
            var (code, output, err) = await Cli.Run(args);
            Assert.True(code is 1 or 2, $"{string.Join(' ', args)}: exit {code}");
            Assert.Equal("", output);
            Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            foreach (var word in Internal) Assert.False(err.Contains(word, StringComparison.Ordinal), $"'{word}' in: {err}");
        }
    }

    [Theory]
    [InlineData("strat", "unknown verb 'strat'; did you mean 'start'?")]
    [InlineData("stauts", "unknown verb 'stauts'; did you mean 'status'?")]
    [InlineData("trails", "unknown verb 'trails'; did you mean 'trials'?")]
    public async Task An_unknown_verb_gets_the_closest_one(string verb, string message)
    {
        var (code, output, err) = await Cli.Run(verb, "b");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"sweep: {message}", err.Split('\n')[0]);
    }

    [Fact]
    public async Task An_unknown_option_gets_the_closest_one_of_its_verb()
    {
        var (code, _, err) = await Cli.Run("trials", "b", "--hmoe", Cli.Home);
        Assert.Equal(2, code);
        Assert.StartsWith("sweep: unknown option '--hmoe' for `sweep trials`; did you mean '--home'?", err);
        (code, _, err) = await Cli.Run("best", "b", "--epoch", "3");
        Assert.Equal(2, code);
        Assert.StartsWith("sweep: unknown option '--epoch' for `sweep best`; did you mean '--epochs'?", err);
    }

    [Fact]
    public async Task Help_verb_is_the_help_option()
    {
        foreach (var verb in new[] { "trials", "logs", "best", "start" })
        {
            var (code, output, _) = await Cli.Run("help", verb);
            var (optionCode, optionOutput, _) = await Cli.Run(verb, "--help");
            Assert.Equal(0, code);
            Assert.Equal(optionCode, code);
            Assert.Equal(optionOutput, output);
            Assert.Contains($"sweep {verb}", output);
        }
        var (rootCode, root, _) = await Cli.Run("help");
        Assert.Equal(0, rootCode);
        Assert.Equal((await Cli.Run("--help")).Out, root);
        Assert.Contains("logs", root);
    }

    [Fact]
    public async Task Format_names_are_case_insensitive_on_every_verb()
    {
        var json = (await Cli.Run("trials", FinishedBraninSweep.Id, "--home", Cli.Home, "-f", "json")).Out;
        Assert.Equal(json, (await Cli.Run("trials", FinishedBraninSweep.Id, "--home", Cli.Home, "-f", "JSON")).Out);
        Assert.Equal(json, (await Cli.Run("trials", FinishedBraninSweep.Id, "--home", Cli.Home, "--format=Json")).Out);
        var csv = await Cli.Run("export", FinishedBraninSweep.Id, "--home", Cli.Home, "-f", "Csv");
        Assert.True(csv.Code == 0, csv.Err);
        Assert.StartsWith("number,state,value,", csv.Out);
        var spec = await Cli.Run("validate", sweep.SpecPath, "-f", "YAML");
        Assert.True(spec.Code == 0, spec.Err);
        Assert.Equal((await Cli.Run("validate", sweep.SpecPath, "-f", "yaml")).Out, spec.Out);
        var (code, _, err) = await Cli.Run("list", "--home", Cli.Home, "-f", "xml");
        Assert.Equal(2, code);
        Assert.Contains("--format: 'xml' is not one of table, json, yaml", err);
    }

    [Fact]
    public async Task Dash_as_the_output_file_is_stdout()
    {
        var (code, output, err) = await Cli.Run("best", FinishedBraninSweep.Id, "--home", Cli.Home, "-f", "json", "-o", "-");
        Assert.True(code == 0, err);
        Assert.Equal(FinishedBraninSweep.Id, JsonNode.Parse(output)!["provenance"]!["sweepId"]!.GetValue<string>());
        Assert.DoesNotContain("written to", err);
        (code, output, err) = await Cli.Run("export", FinishedBraninSweep.Id, "--home", Cli.Home, "-f", "json", "-o", "-");
        Assert.True(code == 0, err);
        Assert.Equal(8, JsonNode.Parse(output)!["trials"]!.AsArray().Count);
        Assert.False(File.Exists("-"));
    }

    [Fact]
    public async Task SWEEP_HOME_names_the_home_and_home_wins_over_it()
    {
        var env = new Dictionary<string, string> { ["SWEEP_HOME"] = Cli.Home };
        var (code, output, err) = await Cli.Run(env, "status", FinishedBraninSweep.Id, "-f", "json");
        Assert.True(code == 0, err);
        Assert.Equal("completed", JsonNode.Parse(output)!["status"]!.GetValue<string>());
        var elsewhere = Path.Combine(Cli.Directory, "no-home");
        (code, _, err) = await Cli.Run(env, "status", FinishedBraninSweep.Id, "--home", elsewhere);
        Assert.Equal(2, code);
        Assert.Contains($"home directory {elsewhere} does not exist", err);
        (code, _, err) = await Cli.Run(new Dictionary<string, string> { ["SWEEP_HOME"] = elsewhere }, "status", FinishedBraninSweep.Id);
        Assert.Equal(2, code);
        Assert.Contains($"home directory {elsewhere} does not exist", err);
    }

    [Fact]
    public async Task Quiet_leaves_stderr_empty_and_verbose_adds_the_silo_logs()
    {
        using var cli = new SweepCli();
        var spec = cli.WriteSpec(FinishedBraninSweep.Spec(maxTrials: 2));
        var (code, output, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "q", "-q");
        Assert.True(code == 0, err);
        Assert.Equal("", err);
        Assert.Contains("best trial", output);
        (code, _, err) = await cli.Run("-q", "best", "q", "--home", cli.Home, "-o", Path.Combine(cli.Directory, "best.yaml"));
        Assert.Equal(0, code);
        Assert.Equal("", err);

        var (_, _, plain) = await cli.Run("start", spec, "--home", cli.Home, "--id", "n");
        Assert.DoesNotContain("sweep v created", plain);
        (code, _, err) = await cli.Run("start", spec, "--home", cli.Home, "--id", "v", "--verbose");
        Assert.True(code == 0, err);
        Assert.Contains("sweep v created", err);
        Assert.Contains("runner ", err);

        (code, _, err) = await cli.Run("status", "q", "--home", cli.Home, "-q", "-v");
        Assert.Equal(2, code);
        Assert.Contains("--quiet and --verbose exclude each other", err);
    }
}
