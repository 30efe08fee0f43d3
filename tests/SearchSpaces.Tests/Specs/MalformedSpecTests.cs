using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Specs;

public sealed class MalformedSpecTests
{
    [Theory]
    [MemberData(nameof(MalformedSpecCases1.All), MemberType = typeof(MalformedSpecCases1))]
    [MemberData(nameof(MalformedSpecCases2.All), MemberType = typeof(MalformedSpecCases2))]
    public void Reports_every_error_at_its_line_and_column(string name, string yaml, string[] expected)
    {
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "spec.yaml"));
        Assert.True(expected.Length > 0, name);
        Assert.Equal(expected, e.Errors.Select(x => x.ToString()).ToArray());
    }

    [Fact]
    public void Yaml_syntax_error_keeps_the_parser_position()
    {
        const string yaml = "apiVersion: sweep/v1\nname: t1\nmetric:\n  name: loss\n goal: minimize\n";
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "spec.yaml"));
        Assert.Equal("spec.yaml:5:2: YAML syntax error: While parsing a block mapping, did not find expected key.", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Unclosed_flow_map_is_reported_where_it_opens()
    {
        const string yaml = "apiVersion: sweep/v1\nname: t1\nmetric: { name: loss, goal: minimize\nbudget: { maxTrials: 4 }\n";
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "spec.yaml"));
        Assert.Equal("spec.yaml:3:9: YAML syntax error: the file ends before this collection is closed", Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Errors_from_several_sections_come_in_file_order_with_their_parts()
    {
        const string yaml = """
            apiVersion: sweep/v1
            name: t1
            metric: { name: loss, goal: up }
            budget: { maxTrials: 0 }
            parameters:
              lr: { type: float, low: -1, high: 1, log: true }
            trial: { method: tmkt, lr: 0.1 }
            """;
        var e = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, "dir/s.yaml"));
        Assert.Equal(["metric.goal", "budget.maxTrials", "parameters.lr.low", "trial.lr"], e.Errors.Select(x => x.Path));
        Assert.Equal(new SpecError("dir/s.yaml", 6, 27, "parameters.lr.low", "must be > 0 when log: true (got -1)"), e.Errors[2]);
        Assert.Equal(string.Join(Environment.NewLine, e.Errors), e.Message);
    }

    [Fact]
    public void Load_of_a_missing_file_throws_FileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => SpecLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-spec-7f3a.yaml")));
    }
}
