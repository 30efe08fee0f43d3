using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Specs;

public sealed class ConditionalSpaceTests
{
    private const string Yaml = """
        apiVersion: sweep/v1
        name: cond
        metric: { name: val_top1, goal: maximize }
        budget: { maxTrials: 8 }
        parameters:
          method: { type: categorical, choices: [dvs, kt, tmkt] }
          kt.domainWeight: { type: float, low: 0.1, high: 1.0, when: { method: [kt, tmkt] } }
          tmkt.mixRatio: { type: float, low: 0.1, high: 0.9, when: { method: tmkt } }
          timeSteps: { type: int, low: 4, high: 12, step: 2 }
          tmkt.magWeight: { type: float, low: 0.01, high: 1, log: true, when: { method: tmkt, timeSteps: [10, 12] } }
        trial: { method: tmkt, dataset.kind: synthetic }
        """;

    private static readonly SweepSpec Spec = SpecLoader.Parse(Yaml, "cond.yaml");

    [Theory]
    [InlineData("dvs", 4, new string[0])]
    [InlineData("kt", 12, new[] { "kt.domainWeight" })]
    [InlineData("tmkt", 8, new[] { "kt.domainWeight", "tmkt.mixRatio" })]
    [InlineData("tmkt", 10, new[] { "kt.domainWeight", "tmkt.mixRatio", "tmkt.magWeight" })]
    public void Conditional_parameters_are_active_exactly_when_their_parents_match(string method, long timeSteps, string[] active)
    {
        var space = Spec.Space;
        var config = space.Walk((p, _) => p.Name switch
        {
            "method" => space["method"].Distribution.ToInternal(method),
            "timeSteps" => timeSteps,
            _ => p.Distribution is FloatDistribution f ? f.Low : 0,
        });
        var expected = active.Concat(["method", "timeSteps"]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, config.Keys.Order(StringComparer.Ordinal));
        Assert.Null(space.Validate(config));
        Assert.Equal(method, space.ToExternal(config)["method"]);
    }

    [Fact]
    public void Space_keeps_file_order_and_the_conditions_as_written()
    {
        Assert.Equal(["method", "kt.domainWeight", "tmkt.mixRatio", "timeSteps", "tmkt.magWeight"], Spec.Space.Parameters.Select(p => p.Name));
        var when = Spec.Space["tmkt.magWeight"].When!;
        Assert.Equal(["tmkt"], when.Requirements["method"].ToArray());
        Assert.Equal([10L, 12L], when.Requirements["timeSteps"].ToArray());
        Assert.Equal(new IntDistribution(4, 12, step: 2), Spec.Space["timeSteps"].Distribution);
        Assert.Equal(new FloatDistribution(0.01, 1, log: true), Spec.Space["tmkt.magWeight"].Distribution);
    }

    [Fact]
    public void Method_parameter_choices_must_be_methods()
    {
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(Yaml.Replace("[dvs, kt, tmkt]", "[kt, resnet]"), "cond.yaml"));
        Assert.Equal(["cond.yaml:6:3: parameters.method choice 'resnet' is not a method (dvs, kt, tmkt, ckd, ann)"],
                     e.Errors.Select(x => x.ToString()).Where(x => x.Contains("method choice")));
    }
}
