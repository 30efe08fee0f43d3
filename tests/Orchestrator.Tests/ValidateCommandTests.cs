using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Sweep.Orchestrator.Commands;

namespace Sweep.Orchestrator.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private static readonly string Root = FindRoot();

    // Each test's own folder for the specs it writes (xunit makes one instance per test).
    private readonly string _folder = Directory.CreateTempSubdirectory("sweep-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Exit 2, nothing on stdout, and exactly these lines on stderr.</summary>
    private static void RefusedWith((int Code, string Out, string Err) result, params string[] lines)
    {
        Assert.Equal(2, result.Code);
        Assert.Equal("", result.Out);
        Assert.Equal(lines, result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    private string WriteSpec(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Example(string name) => Path.Combine(Root, "examples", name);

    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand("test") { ValidateCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(["validate", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Valid_spec_exits_0_with_a_summary_on_stdout()
    {
        var (code, stdout, stderr) = Invoke(Example("quickstart.yaml"));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("name        tmkt-quickstart\n", stdout);
        Assert.Contains("parameters  4: lr, timeSteps, tmkt.mixRatio, tmkt.magWeight\n", stdout);
        Assert.Contains("sampler     tpe (seed 42)\n", stdout);
        Assert.Contains("budget      8 trials, 2 in parallel", stdout);
    }

    [Fact]
    public void A_trainer_key_typo_is_exit_2_naming_the_key_and_its_line_before_any_trial_runs()
    {
        var spec = WriteSpec("typo.yaml", """
            apiVersion: sweep/v1
            name: typo
            metric: { name: val_top1, goal: maximize }
            budget: { maxTrials: 2 }
            parameters:
              lr: { type: float, low: 1.0e-4, high: 1.0e-2, log: true }
              tmkt.mixRatoi: { type: float, low: 0.1, high: 0.9 }
              tmkt.magWeight: { type: float, low: 0.1, high: 2.0 }
              surrogate: { type: categorical, choices: [qgate, atan] }
            trial:
              method: tmkt
              epochz: 2
              dataset: { kind: synthetic, frameSiz: 28, classes: 1 }
            """);
        RefusedWith(Invoke(spec),
            $"{spec}:7:3: parameters.tmkt.mixRatoi is not a run-config key of sweep train; did you mean 'tmkt.mixRatio'?",
            $"{spec}:9:3: parameters.surrogate.choices[1] must be one of qgate, backei, sigmoid for sweep train's surrogate (got atan)",
            $"{spec}:12:3: trial.epochz is not a run-config key of sweep train; did you mean 'epochs'?",
            $"{spec}:13:31: trial.dataset.frameSiz is not a run-config key of sweep train; did you mean 'dataset.frameSize'?",
            $"{spec}:13:45: trial.dataset.classes must be an integer >= 2 (got 1)",
            $"{spec}: 5 errors");
    }

    [Fact]
    public void A_sweep_may_not_evaluate_on_the_test_split_it_keeps_back()
    {
        var spec = WriteSpec("peek.yaml", """
            apiVersion: sweep/v1
            name: peek
            metric: { name: val_top1, goal: maximize }
            budget: { maxTrials: 2 }
            parameters:
              lr: { type: float, low: 1.0e-4, high: 1.0e-2, log: true }
              dataset.evalSplit: { type: categorical, choices: [val, test] }
            trial:
              method: dvs
              dataset: { kind: synthetic, testFraction: 0.5, evalSplit: test }
            """);
        const string Why = "cannot be test in a sweep: trials are ranked on val, and the test split is for the final `sweep train --set dataset.evalSplit=test`";
        RefusedWith(Invoke(spec),
            $"{spec}:7:3: parameters.dataset.evalSplit {Why}",
            $"{spec}:10:50: trial.dataset.evalSplit is also a search parameter (parameters.dataset.evalSplit at 7:3); a key is either fixed or searched",
            $"{spec}:10:50: trial.dataset.evalSplit {Why}",
            $"{spec}: 3 errors");
        // The same spec ranking on val (the split kept back, unseen) is valid.
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("evalSplit: test", "evalSplit: val")
                                                       .Replace("  dataset.evalSplit: { type: categorical, choices: [val, test] }\n", ""));
        var (code, _, stderr) = Invoke(spec);
        Assert.True(code == 0, stderr);
        Assert.Equal(0, Invoke(Example(Path.Combine("study", "tmkt-tpe.yaml"))).Code);
    }

    [Fact]
    public void The_summary_names_the_pruning_resource_and_where_the_rungs_fall()
    {
        var (code, stdout, _) = Invoke(Example("ncaltech101-tmkt.yaml"));
        Assert.Equal(0, code);
        Assert.Contains("pruner      asha (ASHA rungs at epochs 30, 90, 270 (max 300))\n", stdout);
        (code, stdout, _) = Invoke(Example("quickstart.yaml"));
        Assert.Equal(0, code);
        Assert.Contains("pruner      median (median of completed trials, judged every epoch from epoch 3 once 2 trials completed)\n", stdout);
    }

    [Fact]
    public void Json_format_prints_the_normalised_spec()
    {
        var (code, stdout, _) = Invoke(Example("branin.yaml"), "-f", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("branin", doc.RootElement.GetProperty("name").GetString());
        Assert.Equal(24, doc.RootElement.GetProperty("sampler").GetProperty("candidates").GetInt32());
        Assert.Equal("none", doc.RootElement.GetProperty("pruner").GetProperty("type").GetString());
    }

    [Fact]
    public void Yaml_format_prints_yaml_that_validates_again()
    {
        var (code, stdout, _) = Invoke(Example("ncaltech101-kt-vs-tmkt.yaml"), "--format", "yaml");
        Assert.Equal(0, code);
        Assert.Equal(0, Invoke(WriteSpec("normalised.yaml", stdout)).Code);
    }

    [Fact]
    public void Malformed_spec_exits_2_with_one_line_per_error_on_stderr()
    {
        var path = WriteSpec("bad.yaml", "apiVersion: sweep/v1\nname: t\nmetric: { name: m, goal: up }\nbudget: { maxTrials: 0 }\nparameters: { x: { type: float, low: 1, high: 0 } }\ntrial: { method: kt }\n");
        RefusedWith(Invoke(path),
            $"{path}:3:26: metric.goal must be one of minimize, maximize (got 'up')",
            $"{path}:4:22: budget.maxTrials must be >= 1 (got 0)",
            $"{path}:5:38: parameters.x.low must be <= high (got low=1, high=0)",
            $"{path}: 3 errors");
    }

    [Fact]
    public void Missing_file_exits_2_with_one_line()
    {
        var (code, stdout, stderr) = Invoke("no/such/spec.yaml");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("sweep validate: spec file 'no/such/spec.yaml' not found", stderr.TrimEnd());
    }

    [Fact]
    public void Schema_option_prints_the_json_schema()
    {
        var (code, stdout, _) = Invoke("--schema");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("http://json-schema.org/draft-07/schema#", doc.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void No_spec_and_no_schema_exits_2()
    {
        var (code, _, stderr) = Invoke();
        Assert.Equal(2, code);
        Assert.Contains("give a spec file", stderr);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        Assert.NotEqual(0, Invoke(Example("branin.yaml"), "-f", "xml").Code);
    }

    [Fact]
    public void The_sweep_executable_has_the_validate_verb()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sweep.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "validate", Example("branin.yaml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "sweep validate did not exit within 60 s");
        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("name        branin\n", stdout);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sweep.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Sweep.sln above {AppContext.BaseDirectory}");
    }
}
