using Sweep.SearchSpaces.Specs;
using Sweep.SearchSpaces.Specs.Writing;

namespace Sweep.SearchSpaces.Tests.Specs;

public sealed class ExampleSpecTests
{
    public static TheoryData<string> Examples => [.. SpecFixtures.ExampleFiles];

    [Fact]
    public void The_required_examples_exist()
    {
        Assert.Superset(
            new HashSet<string> { "quickstart.yaml", "ncaltech101-tmkt.yaml", "cepdvs-tmkt.yaml", "nomniglot-tmkt.yaml", "ncaltech101-ckd.yaml", "branin.yaml" },
            SpecFixtures.ExampleFiles.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_loads_and_satisfies_the_schema(string file)
    {
        var path = Path.Combine(SpecFixtures.ExamplesDirectory, file);
        Assert.True(SpecLoader.Load(path).Space.Count > 0);
        var errors = (await SpecFixtures.Schema).Validate(SpecFixtures.YamlToJson(File.ReadAllText(path)));
        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Normalised_example_reads_back_the_same_and_satisfies_the_schema(string file)
    {
        var spec = SpecLoader.Load(Path.Combine(SpecFixtures.ExamplesDirectory, file));
        var document = SpecDocument.Build(spec);
        var again = SpecLoader.Parse(SpecYamlWriter.Write(document), "normalised.yaml");
        var json = SpecJsonWriter.Write(document);
        Assert.Equal(json, SpecJsonWriter.Write(SpecDocument.Build(again)));
        Assert.Equal(spec.Space.Parameters.AsEnumerable(), again.Space.Parameters.AsEnumerable());   // element-wise, not ImmutableArray identity
        Assert.Empty((await SpecFixtures.Schema).Validate(json).Select(e => e.ToString()));
    }

    [Fact]
    public void Quickstart_is_a_small_synthetic_tmkt_sweep()
    {
        var spec = SpecLoader.Load(Path.Combine(SpecFixtures.ExamplesDirectory, "quickstart.yaml"));
        Assert.Equal((TrialKind.Method, "tmkt"), (spec.Trial.Kind, spec.Trial.Target));
        Assert.Equal("synthetic", spec.Trial["dataset.kind"]);
        Assert.InRange(spec.Budget.MaxTrials, 1, 16);
        Assert.InRange((long)spec.Trial["epochs"]!, 1, 8);   // short trials: the whole sweep takes minutes on 2 cores
        Assert.True(spec.Space.TryGet("tmkt.mixRatio", out _));
    }

    [Fact]
    public void Defaults_are_filled_in()
    {
        var spec = SpecLoader.Parse("""
            apiVersion: sweep/v1
            name: d
            metric: { name: loss, goal: minimize }
            budget: { maxTrials: 3 }
            parameters: { x: { type: int, low: 0, high: 9 } }
            trial: { command: "python3 objective.py" }
            """, "d.yaml");
        Assert.Equal(SamplerSpec.Default, spec.Sampler);
        Assert.Equal(PrunerKind.None, spec.Pruner.Kind);
        Assert.Equal(new BudgetSpec(3), spec.Budget);
        Assert.Equal(StudyDirection.Minimize, spec.Metric.Goal);
        Assert.Equal("python3 objective.py", spec.Trial.Target);
    }
}
