using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Tests.Samplers;

namespace Sweep.SearchSpaces.Tests.Tpe;

/// <summary>
/// <see cref="TpeFidelity.Rungs"/>: the model learns from the values at the highest ASHA rung with enough observations
/// (d + 1 = 4 here), and from finals when enough trials are complete or no rung has enough.
/// Each check compares against a final-mode sampler on a history where the expected observations are Complete trials:
/// the same observations in the same order give the same proposal, bit for bit.
/// </summary>
public sealed class TpeRungFidelityTests
{
    // Rungs at steps 1, 4 and 16 (η = 4, 27 steps).
    private static AshaPruner Asha() => new(new AshaOptions { MinResource = 1, ReductionFactor = 4, MaxResource = 27 });

    private static Study NewStudy(TpeFidelity fidelity, IPruner? pruner, int seed = 3) =>
        new(ContractSpaces.Continuous(), StudyDirection.Minimize,
            new TpeSampler(new TpeOptions { Seed = seed, Fidelity = fidelity }), pruner);

    private static IReadOnlyDictionary<string, double> Point(int i) => new Dictionary<string, double>
    {
        ["x"] = -5 + 10 * ((i * 0.618034) % 1),
        ["y"] = (i * 0.414214) % 1,
        ["lr"] = Math.Exp(Math.Log(1e-4) + -Math.Log(1e-4) * ((i * 0.732051) % 1)),
    };

    // A learning curve whose ranking at step 4 differs from its ranking at the end (x matters early, y late).
    private static double Curve(int i, int step) => Math.Abs(Point(i)["x"] - 2) / step + 4 * Math.Abs(Point(i)["y"] - 0.3) * step / 27;

    private static KeyValuePair<int, double>[] Reports(int i, params int[] steps) => [.. steps.Select(s => KeyValuePair.Create(s, Curve(i, s)))];

    private static string Describe(TrialRecord t) => SamplerScript.Describe(t.Params);

    [Fact]
    public void Models_the_intermediate_values_of_the_highest_rung_with_enough_trials()
    {
        var rung = NewStudy(TpeFidelity.Rungs, Asha());
        var asFinals = NewStudy(TpeFidelity.Final, null);
        var final = NewStudy(TpeFidelity.Final, Asha());
        for (var i = 0; i < 14; i++)
        {
            // 14 trials reach step 4; 3 of them also step 16 (too few for that rung); 2 of those complete (too few for
            // finals). Step 1 ranks the trials in reverse and step 16 puts its three first, so only step 4's values
            // give the split the Complete twin below has.
            var atRung = i < 3 ? 100.0 + i : Curve(i, 4);
            var reports = new List<KeyValuePair<int, double>> { new(1, -atRung), new(4, atRung) };
            if (i < 3) reports.Add(new(16, -1.0 - i));
            var state = i < 2 ? TrialState.Complete : TrialState.Pruned;
            double? value = i < 2 ? -1.0 - i : null;
            rung.Import(Point(i), reports, state, value);
            final.Import(Point(i), reports, state, value);
            asFinals.Import(Point(i), [], TrialState.Complete, atRung);
        }
        for (var i = 14; i < 18; i++)
        {
            // Stopped at step 1 with the best step-1 values of all: they rank behind every trial at the rung.
            rung.Import(Point(i), [new(1, -1000.0)], TrialState.Pruned, null);
            final.Import(Point(i), [new(1, -1000.0)], TrialState.Pruned, null);
            asFinals.Import(Point(i), [], TrialState.Complete, 1e6);
        }
        var fed = rung.Ask();
        Assert.Equal(4, ((TpeSampler)rung.Sampler).LastModelledRung);
        Assert.Equal(Describe(asFinals.Ask()), Describe(fed));
        Assert.NotEqual(Describe(final.Ask()), Describe(fed));
    }

    [Fact]
    public void Counts_running_trials_that_reached_the_rung_and_not_failed_ones()
    {
        var rung = NewStudy(TpeFidelity.Rungs, Asha());
        var asFinals = NewStudy(TpeFidelity.Final, null);
        for (var i = 0; i < 12; i++)
        {
            rung.Import(Point(i), Reports(i, 1, 4), TrialState.Pruned, null);
            asFinals.Import(Point(i), [], TrialState.Complete, Curve(i, 4));
        }
        rung.Import(Point(12), Reports(12, 1, 4), TrialState.Failed, null, "diverged");
        asFinals.Import(Point(12), [], TrialState.Failed, null, "diverged");
        var running = rung.Ask();   // a model ask (12 observations at step 4), then in flight past the rung
        asFinals.Ask();
        rung.Report(running.Number, 4, 0.5);
        asFinals.Tell(running.Number, 0.5);
        var fed = rung.Ask();
        Assert.Equal(4, ((TpeSampler)rung.Sampler).LastModelledRung);
        Assert.Equal(Describe(asFinals.Ask()), Describe(fed));
    }

    [Fact]
    public void Falls_back_to_finals_when_no_rung_has_enough_trials()
    {
        var rung = NewStudy(TpeFidelity.Rungs, Asha());
        var final = NewStudy(TpeFidelity.Final, Asha());
        foreach (var study in new[] { rung, final })
            for (var i = 0; i < 12; i++)
            {
                // 3 complete, 3 stopped at step 4, 6 pruned without a report: no rung and not the finals have 4 trials.
                if (i < 3) study.Import(Point(i), [], TrialState.Complete, Curve(i, 27));
                else if (i < 6) study.Import(Point(i), Reports(i, 1, 4), TrialState.Pruned, null);
                else study.Import(Point(i), [], TrialState.Pruned, null);
            }
        var fed = rung.Ask();
        Assert.Null(((TpeSampler)rung.Sampler).LastModelledRung);
        Assert.Equal(Describe(final.Ask()), Describe(fed));
    }

    [Fact]
    public void Uses_finals_once_enough_trials_are_complete()
    {
        var rung = NewStudy(TpeFidelity.Rungs, Asha());
        var final = NewStudy(TpeFidelity.Final, Asha());
        foreach (var study in new[] { rung, final })
            for (var i = 0; i < 20; i++)
            {
                if (i < 10) study.Import(Point(i), Reports(i, 1, 4, 16, 27), TrialState.Complete, Curve(i, 27));
                else study.Import(Point(i), Reports(i, 1, 4), TrialState.Pruned, null);
            }
        var fed = rung.Ask();
        Assert.Null(((TpeSampler)rung.Sampler).LastModelledRung);
        Assert.Equal(Describe(final.Ask()), Describe(fed));
    }

    [Fact]
    public void Same_seed_gives_the_same_rung_fed_search()
    {
        var (first, modelled) = Search(seed: 5);
        var (second, _) = Search(seed: 5);
        var (other, _) = Search(seed: 6);
        Assert.True(modelled >= 5, $"only {modelled} asks modelled a rung");
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rung_fed_proposals_keep_the_sampler_contract_on_a_conditional_space(bool multivariate)
    {
        var space = ContractSpaces.Conditional();
        var study = new Study(space, StudyDirection.Maximize,
            new TpeSampler(new TpeOptions { Seed = 9, Fidelity = TpeFidelity.Rungs, Multivariate = multivariate, Group = multivariate, StartupTrials = 4 }),
            Asha(), new StudyOptions { MaxSteps = 27 });
        var modelled = 0;
        for (var i = 0; i < 60; i++)
        {
            var t = study.Ask();
            Assert.Null(space.Validate(t.Params));
            if (((TpeSampler)study.Sampler).LastModelledRung is not null) modelled++;
            RunCurve(study, t, SamplerScript.Objective(t));
        }
        Assert.True(modelled >= 5, $"only {modelled} asks modelled a rung");
    }

    /// <summary>60 trials of a pruned search (ASHA stops), one report per step; every proposal, and how many asks used a rung.</summary>
    private static (List<string> Proposals, int Modelled) Search(int seed)
    {
        var study = NewStudy(TpeFidelity.Rungs, Asha(), seed);
        var proposals = new List<string>();
        var modelled = 0;
        for (var i = 0; i < 60; i++)
        {
            var t = study.Ask();
            proposals.Add(Describe(t));
            if (((TpeSampler)study.Sampler).LastModelledRung is not null) modelled++;
            RunCurve(study, t, Math.Abs(t.Params["x"] - 2) + Math.Abs(t.Params["y"] - 0.3));
        }
        return (proposals, modelled);
    }

    private static void RunCurve(Study study, TrialRecord t, double final)
    {
        for (var step = 1; step <= 27; step++)
        {
            if (study.Report(t.Number, step, final * (1 + 1.0 / step)) != PruneDecision.Prune) continue;
            study.TellPruned(t.Number);
            return;
        }
        study.Tell(t.Number, final);
    }
}
