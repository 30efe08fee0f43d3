using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Samplers;

/// <summary>
/// The contract every sampler keeps (Optuna's <c>testing/pytest_samplers.py</c> idea), driven through the real
/// <see cref="Study"/>. A sampler's test class derives from it and says only how to build the sampler.
/// </summary>
public abstract class SamplerContract
{
    protected abstract ISampler Create(SearchSpace space, int seed);

    /// <summary>True when the seed changes the proposals; false for samplers deterministic without one (row-major grid).</summary>
    protected virtual bool IsStochastic => true;

    /// <summary>The study's pruner, for samplers that read it (rung-fed TPE); none by default.</summary>
    protected virtual IPruner? CreatePruner() => null;

    [Fact]
    public void Every_value_lies_in_its_distribution()
    {
        var study = NewStudy(ContractSpaces.Mixed());
        foreach (var t in RunSequential(study, 40))
        {
            Assert.Equal(study.Space.Count, t.Params.Count);
            foreach (var p in study.Space.Parameters)
                Assert.True(p.Distribution.Contains(t.Params[p.Name]), $"{p.Name} = {t.Params[p.Name]} in trial {t.Number}");
            Assert.InRange(t.Params["lr"], 1e-5, 1e-1);
            Assert.InRange(t.Params["dropout"], 0, 0.5);
            Assert.InRange(t.Params["batch"], 16, 256);
        }
    }

    [Fact]
    public void Step_values_lie_on_their_grid_and_ints_are_integral()
    {
        var study = NewStudy(ContractSpaces.Mixed());
        foreach (var t in RunSequential(study, 40))
        {
            var mix = (t.Params["mix"] - 0.2) / 0.2;
            Assert.True(Math.Abs(mix - Math.Round(mix)) < 1e-9 && mix is > -1e-9 and < 3 + 1e-9, $"mix = {t.Params["mix"]}");
            Assert.Contains(t.Params["timesteps"], new[] { 4.0, 8.0, 12.0 });
            foreach (var name in new[] { "layers", "batch", "timesteps" })
            {
                var external = Assert.IsType<long>(study.Space[name].Distribution.ToExternal(t.Params[name]));
                Assert.Equal(external, t.Params[name]);
            }
        }
    }

    [Fact]
    public void Log_parameters_stay_in_bounds_and_spread_over_log_space()
    {
        var study = NewStudy(ContractSpaces.LogOnly());
        // A constant objective carries no information, so a model-based sampler has no reason to concentrate
        // (an objective that varies with the trial number would make TPE chase noise into one corner).
        var trials = RunSequential(study, 64, _ => 1.0);
        var lr = trials.Select(t => t.Params["lr"]).ToList();
        var n = trials.Select(t => t.Params["n"]).ToList();
        Assert.All(lr, v => Assert.InRange(v, 1e-4, 1));
        Assert.All(n, v => Assert.InRange(v, 1, 1024));
        // Uniform in linear space would put about 1 % below the geometric mean; log-uniform puts half.
        Assert.InRange(lr.Count(v => v < 1e-2) / 64.0, 0.2, 0.8);
        Assert.InRange(n.Count(v => v < 32) / 64.0, 0.2, 0.8);
    }

    [Fact]
    public void Categorical_values_are_choice_indices_and_every_choice_is_reached()
    {
        var study = NewStudy(ContractSpaces.CategoricalsOnly());
        var trials = RunSequential(study, 40);
        foreach (var p in study.Space.Parameters)
        {
            var c = (CategoricalDistribution)p.Distribution;
            var indices = trials.Select(t => t.Params[p.Name]).ToList();
            Assert.All(indices, i => Assert.True(i == Math.Floor(i) && i >= 0 && i < c.Choices.Length, $"{p.Name} index {i}"));
            Assert.Equal(c.Choices.Length, indices.Distinct().Count());
        }
    }

    [Fact]
    public void Conditional_parameters_are_present_exactly_when_active()
    {
        var study = NewStudy(ContractSpaces.Conditional());
        var trials = RunSequential(study, 80);
        foreach (var t in trials)
        {
            var method = (string)study.Space["method"].Distribution.ToExternal(t.Params["method"])!;
            var depth = t.Params.TryGetValue("depth", out var d) ? (string?)study.Space["depth"].Distribution.ToExternal(d) : null;
            var context = $"trial {t.Number}: {Describe(t.Params)}";
            Assert.True(t.Params.ContainsKey("x") == (method == "a"), context);
            Assert.True(t.Params.ContainsKey("y") == (method != "a"), context);
            Assert.True(depth is not null == (method != "a"), context);
            Assert.True(t.Params.ContainsKey("z") == (depth == "deep"), context);
            Assert.True(t.Params.ContainsKey("w") == (method == "c" && depth == "deep"), context);
            Assert.Null(study.Space.Validate(t.Params));
        }
        Assert.Equal(3, trials.Select(t => t.Params["method"]).Distinct().Count());
        Assert.Contains(trials, t => t.Params.ContainsKey("w"));
        Assert.Contains(trials, t => t.Params.ContainsKey("depth") && !t.Params.ContainsKey("z"));
    }

    [Fact]
    public void Same_seed_and_same_tells_give_the_same_params()
    {
        var first = SamplerScript.Run(NewStudy(ContractSpaces.Conditional(), seed: 11), 40);
        var second = SamplerScript.Run(NewStudy(ContractSpaces.Conditional(), seed: 11), 40);
        Assert.Equal(first, second);
        var mixedFirst = SamplerScript.Run(NewStudy(ContractSpaces.Mixed(), seed: 5), 40);
        Assert.Equal(mixedFirst, SamplerScript.Run(NewStudy(ContractSpaces.Mixed(), seed: 5), 40));
    }

    [Fact]
    public void Another_seed_changes_the_params_only_for_stochastic_samplers()
    {
        var one = SamplerScript.Run(NewStudy(ContractSpaces.Continuous(), seed: 1), 20);
        var two = SamplerScript.Run(NewStudy(ContractSpaces.Continuous(), seed: 2), 20);
        if (IsStochastic) Assert.NotEqual(one, two);
        else Assert.Equal(one, two);
    }

    [Fact]
    public void Asks_in_flight_on_a_continuous_space_are_distinct()
    {
        var study = NewStudy(ContractSpaces.Continuous());
        for (var round = 0; round < 3; round++)
        {
            var batch = Enumerable.Range(0, 8).Select(_ => study.Ask()).ToList();
            Assert.Equal(8, batch.Select(t => Describe(t.Params)).Distinct().Count());
            foreach (var t in batch) study.Tell(t.Number, SamplerScript.Objective(t));
        }
    }

    [Fact]
    public void Single_point_distributions_get_their_only_value()
    {
        var study = NewStudy(ContractSpaces.SinglePoints());
        foreach (var t in RunSequential(study, 12))
        {
            Assert.Equal(2.5, t.Params["f"]);
            Assert.Equal(7, t.Params["i"]);
            Assert.Equal(0, t.Params["c"]);
            Assert.Equal(0.5, t.Params["s"]);
            Assert.InRange(t.Params["free"], 0, 1);
        }
    }

    [Theory]
    [InlineData(StudyDirection.Minimize)]
    [InlineData(StudyDirection.Maximize)]
    public void Works_in_both_directions(StudyDirection direction)
    {
        var study = NewStudy(ContractSpaces.Continuous(), direction: direction);
        var trials = RunSequential(study, 30, t => Math.Pow(t.Params["x"] - 1, 2) + t.Params["y"]);
        Assert.All(trials, t => Assert.Null(study.Space.Validate(t.Params)));
        var values = trials.Select(t => t.Value!.Value).ToList();
        Assert.Equal(direction == StudyDirection.Minimize ? values.Min() : values.Max(), study.BestTrial!.Value);
    }

    [Fact]
    public void Survives_failed_and_pruned_trials_in_the_history()
    {
        var study = NewStudy(ContractSpaces.Mixed());
        for (var i = 0; i < 12; i++)
        {
            var t = study.Ask();
            switch (i % 4)
            {
                case 0: study.TellFailed(t.Number, "out of memory"); break;
                case 1: study.TellPruned(t.Number); break;
                case 2:
                    study.Report(t.Number, 0, double.NaN);
                    study.TellPruned(t.Number);
                    break;
                default: study.Tell(t.Number, double.PositiveInfinity); break;
            }
        }
        Assert.DoesNotContain(study.Trials, t => t.State == TrialState.Complete);
        var later = RunSequential(study, 20);
        Assert.All(later, t => Assert.Null(study.Space.Validate(t.Params)));
        Assert.All(later, t => Assert.Equal(TrialState.Complete, t.State));
    }

    protected Study NewStudy(SearchSpace space, int seed = 7, StudyDirection direction = StudyDirection.Minimize) =>
        new(space, direction, Create(space, seed), CreatePruner());

    protected static List<TrialRecord> RunSequential(Study study, int trials, Func<TrialRecord, double>? objective = null)
    {
        var asked = new List<TrialRecord>();
        for (var i = 0; i < trials; i++)
        {
            var t = study.Ask();
            study.Tell(t.Number, (objective ?? SamplerScript.Objective)(t));
            asked.Add(t);
        }
        return asked;
    }

    protected static string Describe(IReadOnlyDictionary<string, double> config) => SamplerScript.Describe(config);
}
