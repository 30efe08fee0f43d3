using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Specs;

public sealed class SchemaTests
{
    private const string Valid = """
        apiVersion: sweep/v1
        name: t1
        metric: { name: loss, goal: minimize }
        budget: { maxTrials: 4, timeout: 1h30m }
        parameters:
          x: { type: float, low: 0, high: 1 }
        trial: { command: ./train.sh }
        """;

    /// <summary>Malformed specs the loader rejects; the schema must reject them too (same rules for editors).</summary>
    public static TheoryData<string, string> Malformed => new()
    {
        { "name: t1", "name: Bad Name" },
        { "apiVersion: sweep/v1", "apiVersion: sweep/v2" },
        { "goal: minimize", "goal: minimise" },
        { "maxTrials: 4, timeout: 1h30m", "maxTrials: 0" },
        { "timeout: 1h30m", "timeout: 12 hours" },
        { "trial: { command: ./train.sh }", "trial: { function: branin, command: x }" },
        { "trial: { command: ./train.sh }", "trial: { epochs: 3 }" },
        { "{ type: float, low: 0, high: 1 }", "{ type: float, min: 0, high: 1 }" },
        { "{ type: float, low: 0, high: 1 }", "{ type: int, low: 0.5, high: 1 }" },
        { "{ type: float, low: 0, high: 1 }", "{ type: categorical, choices: [] }" },
        { "{ type: float, low: 0, high: 1 }", "{ type: categorical, choices: [a, a] }" },
        { "{ type: float, low: 0, high: 1 }", "{ type: float, low: 0, high: 1, step: 0 }" },
        { "budget:", "sampler: { type: grid, candidates: 3 }\nbudget:" },
        { "budget:", "pruner: { type: median, interval: 0 }\nbudget:" },
        { "budget:", "paralel: 4\nbudget:" },
        { "timeout: 1h30m", "timeout: 1h30m, reevaluate: { top: 0, seeds: 2 }" },
        { "timeout: 1h30m", "timeout: 1h30m, reevaluate: { top: 2 }" },
        { "timeout: 1h30m", "timeout: 1h30m, reevaluate: { top: 2, seeds: 2, best: 1 }" },
    };

    [Fact]
    public async Task Valid_spec_passes_both()
    {
        SpecLoader.Parse(Valid, "spec.yaml");
        Assert.Empty((await SpecFixtures.Schema).Validate(SpecFixtures.YamlToJson(Valid)));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Loader_and_schema_both_reject(string from, string to)
    {
        Assert.Contains(from, Valid);
        var yaml = Valid.Replace(from, to);
        Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "spec.yaml"));
        Assert.NotEmpty((await SpecFixtures.Schema).Validate(SpecFixtures.YamlToJson(yaml)));
    }

    [Fact]
    public void Embedded_schema_is_the_file_in_the_repository()
    {
        var file = File.ReadAllText(Path.Combine(SpecFixtures.RepositoryRoot, "SearchSpaces", "Specs", "sweep-spec.schema.json"));
        Assert.Equal(file, SpecSchema.Text);
    }

    [Theory]
    [InlineData("tpe")]
    [InlineData("random")]
    [InlineData("grid")]
    [InlineData("qmc")]
    public async Task Schema_sampler_options_are_the_keys_the_loader_writes(string type)
    {
        var schema = await SpecFixtures.Schema;
        var branch = schema.Properties["sampler"].OneOf.Single(b => b.Properties["type"].Enumeration.Contains(type));
        var spec = SpecLoader.Parse(Valid.Replace("budget:", $"sampler: {{ type: {type}, seed: 3 }}\nbudget:"), "spec.yaml");
        var written = Sweep.SearchSpaces.Specs.Writing.SpecDocument.Build(spec).Single(kv => kv.Key == "sampler").Value;
        var keys = ((IEnumerable<KeyValuePair<string, object?>>)written!).Select(kv => kv.Key);
        Assert.Equal(branch.Properties.Keys.Order(), keys.Order());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("median")]
    [InlineData("asha")]
    [InlineData("hyperband")]
    public async Task Schema_pruner_options_are_the_keys_the_loader_writes(string type)
    {
        var schema = await SpecFixtures.Schema;
        var branch = schema.Properties["pruner"].OneOf.Single(b => b.Properties["type"].Enumeration.Contains(type));
        // Optional options without a default (asha's resources) are written only when given, so give them all.
        var options = string.Concat(branch.Properties.Keys.Where(k => k != "type").Select(k => k == "resource" ? ", resource: step" : $", {k}: 3"));
        var spec = SpecLoader.Parse(Valid.Replace("budget:", $"pruner: {{ type: {type}{options} }}\nbudget:"), "spec.yaml");
        var written = Sweep.SearchSpaces.Specs.Writing.SpecDocument.Build(spec).Single(kv => kv.Key == "pruner").Value;
        var keys = ((IEnumerable<KeyValuePair<string, object?>>)written!).Select(kv => kv.Key);
        Assert.Equal(branch.Properties.Keys.Order(), keys.Order());
    }
}
