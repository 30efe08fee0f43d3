using Sweep.SearchSpaces.Specs;
using Sweep.SearchSpaces.Specs.Writing;

namespace Sweep.SearchSpaces.Tests.Specs;

/// <summary><c>budget.enqueue</c>: checked against the space at load, run as trials 0, 1, … with exactly those values.</summary>
public sealed class EnqueueSpecTests
{
    private const string Yaml = """
        apiVersion: sweep/v1
        name: warm
        metric: { name: value, goal: minimize }
        sampler: { type: tpe, seed: 5, startupTrials: 2 }
        budget:
          maxTrials: 6
          enqueue:
            - { x: 2.5, opt: adam, n: 4 }
            - { x: -1.0 }
            - { opt: sgd, momentum: 0.9 }
        parameters:
          x: { type: float, low: -5.0, high: 10.0 }
          n: { type: int, low: 1, high: 8 }
          opt: { type: categorical, choices: [adam, sgd] }
          momentum: { type: float, low: 0.0, high: 0.99, when: { opt: sgd } }
        trial:
          command: ./objective.sh
        """;

    private static SweepSpec Load(string yaml = Yaml) => SpecLoader.Parse(yaml, "warm.yaml");

    private static Study NewStudy(SweepSpec spec) =>
        new(spec.Space, spec.Metric.Goal, SamplerFactory.Create(spec.Sampler), options: new StudyOptions { Enqueued = spec.Budget.Enqueue });

    private static IReadOnlyDictionary<string, object?> External(SweepSpec spec, TrialRecord t) => spec.Space.ToExternal(t.Params);

    [Fact]
    public void Enqueued_configurations_are_the_first_trials_with_exactly_those_values_and_the_rest_sampled()
    {
        var spec = Load();
        var study = NewStudy(spec);
        var t0 = study.Ask();
        Assert.Equal(new Dictionary<string, object?> { ["x"] = 2.5, ["n"] = 4L, ["opt"] = "adam" }, External(spec, t0));
        var t1 = study.Ask();
        Assert.Equal(-1.0, External(spec, t1)["x"]);
        Assert.Contains(External(spec, t1)["opt"], new object[] { "adam", "sgd" });   // sampled
        var t2 = study.Ask();
        Assert.Equal("sgd", External(spec, t2)["opt"]);
        Assert.Equal(0.9, External(spec, t2)["momentum"]);
        Assert.InRange((double)External(spec, t2)["x"]!, -5.0, 10.0);
        Assert.True(study.IsEnqueued(2));
        Assert.False(study.IsEnqueued(3));
        study.Ask();   // the sampler's own from here on
        Assert.Null(spec.Space.Validate(study.Trials[3].Params));
    }

    [Fact]
    public void A_study_rebuilt_from_stored_trials_continues_with_the_next_enqueued_configuration()
    {
        var spec = Load();
        var first = NewStudy(spec);
        var t0 = first.Ask();
        first.Tell(t0.Number, 3.0);

        var rebuilt = NewStudy(spec);   // an engine restarted after kill -9: trial 0 is in storage
        rebuilt.Import(t0.Params, [], TrialState.Complete, 3.0);
        var next = rebuilt.Ask();
        Assert.Equal(1, next.Number);
        Assert.Equal(-1.0, External(spec, next)["x"]);
    }

    [Fact]
    public void Enqueue_is_written_back_by_the_normalised_spec_and_reads_the_same()
    {
        var spec = Load();
        var yaml = SpecYamlWriter.Write(SpecDocument.Build(spec));
        Assert.Contains("enqueue: [{x: 2.5, n: 4, opt: adam}, {x: -1.0}, {opt: sgd, momentum: 0.9}]", yaml);
        Assert.Equal(spec.Budget.Enqueue.Select(e => e.ToArray()), SpecLoader.Parse(yaml, "again.yaml").Budget.Enqueue.Select(e => e.ToArray()));
    }

    [Fact]
    public void Bad_entries_are_file_line_col_errors_naming_the_parameter_and_its_range()
    {
        var yaml = Yaml.Replace("""
                - { x: 2.5, opt: adam, n: 4 }
                - { x: -1.0 }
                - { opt: sgd, momentum: 0.9 }
            """, """
                - { x: 12.5, opt: adam, n: 4 }
                - { xx: -1.0 }
                - { opt: rmsprop }
                - { opt: adam, momentum: 0.9 }
                - { n: 2.5 }
                - 7
            """).Replace("maxTrials: 6", "maxTrials: 5");
        var e = Assert.Throws<SpecException>(() => Load(yaml));
        Assert.Equal([
            "warm.yaml:8:5: budget.enqueue lists 6 configurations, more than budget.maxTrials (5) runs",
            "warm.yaml:8:12: budget.enqueue[0].x = 12.5 is outside parameter 'x' (float in [-5, 10])",
            "warm.yaml:9:9: budget.enqueue[1].xx names no parameter; did you mean 'x'?",
            "warm.yaml:10:14: budget.enqueue[2].opt = 'rmsprop' is outside parameter 'opt' (choices: 'adam', 'sgd')",
            "warm.yaml:11:20: budget.enqueue[3].momentum is inactive with the other values of this entry (it needs opt in ['sgd'])",
            "warm.yaml:12:12: budget.enqueue[4].n = 2.5 is outside parameter 'n' (int in [1, 8])",
            "warm.yaml:13:7: budget.enqueue[5] must be a map (got 7)",
        ], e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void Enqueue_must_be_a_list_of_maps()
    {
        var yaml = Yaml.Replace("""
              enqueue:
                - { x: 2.5, opt: adam, n: 4 }
                - { x: -1.0 }
                - { opt: sgd, momentum: 0.9 }
            """, """
              enqueue: { x: 1.0 }
            """);
        var e = Assert.Throws<SpecException>(() => Load(yaml));
        Assert.Equal("warm.yaml:7:12: budget.enqueue must be a list of parameter maps, e.g. [{ lr: 0.005 }] (got a map)", Assert.Single(e.Errors).ToString());
    }
}
