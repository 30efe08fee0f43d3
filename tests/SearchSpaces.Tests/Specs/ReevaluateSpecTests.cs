using Sweep.SearchSpaces.Specs;
using Sweep.SearchSpaces.Specs.Writing;

namespace Sweep.SearchSpaces.Tests.Specs;

/// <summary><c>budget.reevaluate</c>: read, written back, and refused where the spec already owns the seed.</summary>
public sealed class ReevaluateSpecTests
{
    private const string Spec = """
        apiVersion: sweep/v1
        name: t1
        metric: { name: loss, goal: minimize }
        budget: { maxTrials: 4, reevaluate: { top: 2, seeds: 3 } }
        parameters:
          x: { type: float, low: 0, high: 1 }
        trial: { command: "./train.sh ${seed}" }
        """;

    [Fact]
    public async Task Is_read_written_back_and_accepted_by_the_schema_and_seed_is_a_known_template_name()
    {
        var spec = SpecLoader.Parse(Spec, "spec.yaml");
        Assert.Equal(new ReevaluateSpec(2, 3), spec.Budget.Reevaluate);
        Assert.Equal(6, spec.Budget.Reevaluate!.Trials);
        var budget = (List<KeyValuePair<string, object?>>)SpecDocument.Build(spec).Single(kv => kv.Key == "budget").Value!;
        var written = (List<KeyValuePair<string, object?>>)budget.Single(kv => kv.Key == "reevaluate").Value!;
        Assert.Equal([new("top", 2), new("seeds", 3)], written);
        Assert.Empty((await SpecFixtures.Schema).Validate(SpecFixtures.YamlToJson(Spec)));
        Assert.Null(SpecLoader.Parse(Spec.Replace(", reevaluate: { top: 2, seeds: 3 }", "", StringComparison.Ordinal), "spec.yaml").Budget.Reevaluate);
    }

    [Theory]
    [InlineData("  seed: { type: int, low: 0, high: 9 }\n", "", "spec.yaml:6:3: parameters.seed is searched, but budget.reevaluate chooses each trial's seed; remove one of them")]
    [InlineData("", ", seed: 3", "spec.yaml:7:41: trial.seed is fixed, but budget.reevaluate chooses each trial's seed; remove one of them")]
    [InlineData("", "", "spec.yaml:4:54: budget.reevaluate.seeds must be >= 1 (got 0)")]
    public void A_seed_the_spec_owns_or_a_bad_count_is_refused(string parameter, string setting, string expected)
    {
        var yaml = Spec.Replace("parameters:\n", "parameters:\n" + parameter, StringComparison.Ordinal)
                       .Replace("${seed}\" }", "${seed}\"" + setting + " }", StringComparison.Ordinal);
        if (parameter == "" && setting == "") yaml = yaml.Replace("seeds: 3", "seeds: 0", StringComparison.Ordinal);
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "spec.yaml"));
        Assert.Equal(expected, Assert.Single(e.Errors).ToString());
    }
}
