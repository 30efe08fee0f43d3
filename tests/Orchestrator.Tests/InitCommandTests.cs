using System.CommandLine;
using Sweep.Orchestrator.Commands;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Tests;

/// <summary><c>sweep init</c>: every method × dataset gives a spec that validates, with the papers' defaults enqueued first.</summary>
public sealed class InitCommandTests : IDisposable
{
    private static readonly string[] Methods = ["tmkt", "ckd", "kt", "dvs"];
    private static readonly string[] Datasets = ["ncaltech101", "cepdvs", "nomniglot", "synthetic"];

    private readonly string _dir = Directory.CreateTempSubdirectory("sweep-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand("test") { InitCommand.Create(), ValidateCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Every_method_and_dataset_writes_a_spec_that_validates_with_the_defaults_enqueued()
    {
        foreach (var method in Methods)
            foreach (var dataset in Datasets)
            {
                var path = Path.Combine(_dir, $"{dataset}-{method}.yaml");
                var (code, _, err) = Invoke("init", "--method", method, "--dataset", dataset, "-o", path);
                Assert.True(code == 0, $"{dataset}-{method}: {err}");
                (code, var summary, err) = Invoke("validate", path);
                Assert.True(code == 0, $"{dataset}-{method}: {err}");
                Assert.Equal("", err);   // no warnings either
                Assert.Contains($"name        {dataset}-{method}\n", summary);
                Assert.Contains(", 1 enqueued first", summary);

                var spec = SpecLoader.Load(path);
                Assert.Equal((3, 2), (spec.Budget.Reevaluate!.Top, spec.Budget.Reevaluate.Seeds));   // ranked by the mean of fresh seeds
                Assert.Equal(method, spec.Trial.Target);
                Assert.Equal(dataset, spec.Trial["dataset.kind"]);
                Assert.Equal(Contracts.ResourceUnit.Epoch, spec.Pruner.Resource);
                // One enqueued trial that fixes every parameter it can: the papers' defaults, nothing sampled.
                var defaults = Assert.Single(spec.Budget.Enqueue);
                Assert.Null(spec.Space.Validate(defaults));
                Assert.Contains("lr", defaults.Keys);
                Assert.Contains("timeSteps", defaults.Keys);
            }
    }

    [Fact]
    public void The_searched_knobs_are_each_methods_own()
    {
        var tmkt = SpecLoader.Parse(Invoke("init", "-m", "tmkt", "-d", "synthetic").Out, "tmkt.yaml");
        Assert.Equal(["lr", "timeSteps", "tmkt.mixSchedule", "tmkt.mixRatio", "tmkt.rampPower", "tmkt.magWeight", "tmkt.mrpWeight", "kt.domainWeight", "kt.str"],
                     tmkt.Space.Parameters.Select(p => p.Name));
        var defaults = tmkt.Space.ToExternal(tmkt.Budget.Enqueue[0]);
        Assert.Equal("ramp", defaults["tmkt.mixSchedule"]);
        Assert.Equal(1.0, defaults["tmkt.mixRatio"]);
        Assert.Equal(0.1, defaults["tmkt.magWeight"]);

        var ckd = SpecLoader.Parse(Invoke("init", "-m", "ckd", "-d", "ncaltech101").Out, "ckd.yaml");
        Assert.Equal("auto", ckd.Trial["ckd.teacher"]);
        Assert.Equal(0.5, ckd.Trial["threshold"]);
        var ckdDefaults = ckd.Space.ToExternal(ckd.Budget.Enqueue[0]);
        Assert.Equal(5.86e-4, ckdDefaults["lr"]);
        Assert.Equal(10L, ckdDefaults["timeSteps"]);
        Assert.Equal((0.3, 0.6), ((double)ckdDefaults["ckd.switchStart"]!, (double)ckdDefaults["ckd.switchEnd"]!));
        Assert.Equal(2.0, ckdDefaults["ckd.temperature"]);
    }

    [Fact]
    public void Stdout_by_default_and_with_dash()
    {
        var (code, stdout, err) = Invoke("init", "-m", "kt", "-d", "cepdvs", "-o", "-");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.StartsWith("# KT on cepdvs", stdout);
        Assert.Equal(stdout, Invoke("init", "-m", "kt", "-d", "cepdvs").Out);
    }

    [Fact]
    public void An_existing_file_is_kept_unless_force()
    {
        var path = Path.Combine(_dir, "mine.yaml");
        File.WriteAllText(path, "my edits\n");
        var (code, stdout, err) = Invoke("init", "-m", "dvs", "-d", "synthetic", "-o", path);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"sweep init: -o {path}: the file exists; pass --force to overwrite it\n", err);
        Assert.Equal("my edits\n", File.ReadAllText(path));

        (code, _, err) = Invoke("init", "-m", "dvs", "-d", "synthetic", "-o", path, "--force");
        Assert.True(code == 0, err);
        Assert.StartsWith("# DVS on synthetic", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("tmtk", "synthetic", "--method 'tmtk' is not known; did you mean 'tmkt'? (known: tmkt, ckd, kt, dvs)")]
    [InlineData("ckd", "ncaltech", "--dataset 'ncaltech' is not known; did you mean 'ncaltech101'? (known: ncaltech101, cepdvs, nomniglot, synthetic)")]
    public void Unknown_names_exit_2_with_did_you_mean(string method, string dataset, string expected)
    {
        var (code, stdout, err) = Invoke("init", "-m", method, "-d", dataset);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"sweep init: {expected}\n", err);
    }
}
