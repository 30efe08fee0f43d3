using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class HyperbandPrunerTests
{
    private static Study NewStudy(RandomSampler sampler, int? maxSteps, HyperbandOptions? options = null) =>
        new(new SearchSpace([new Parameter("x", new FloatDistribution(0, 1))]), StudyDirection.Minimize, sampler,
            new HyperbandPruner(options), new StudyOptions { MaxSteps = maxSteps });

    [Theory]
    [InlineData(1, 27, 3, new[] { 27, 12, 6, 4 })] // Optuna: ⌈n·η^s/(s+1)⌉, s = n−1−b
    [InlineData(1, 26, 3, new[] { 9, 5, 3 })]
    [InlineData(1, 243, 3, new[] { 243, 98, 41, 18, 9, 6 })] // Optuna's float log finds only 5 brackets here
    [InlineData(2, 100, 4, new[] { 16, 6, 3 })]
    public void Brackets_and_their_budgets_follow_optuna(int min, int max, int eta, int[] budgets)
    {
        var schedule = new BracketSchedule(min, max, eta);
        Assert.Equal(budgets, schedule.Budgets);
        // Any window of one cycle holds each bracket exactly its budget's number of times.
        var counts = Enumerable.Range(17, budgets.Sum()).GroupBy(schedule.BracketOf).OrderBy(g => g.Key).Select(g => g.Count());
        Assert.Equal(budgets, counts);
    }

    [Fact]
    public void Brackets_interleave_instead_of_coming_in_blocks()
    {
        var schedule = new BracketSchedule(1, 27, 3);
        var firstTen = Enumerable.Range(0, 10).Select(schedule.BracketOf).ToList();
        Assert.Equal(4, firstTen.Distinct().Count());
    }

    [Fact]
    public void The_sampler_sees_each_trials_bracket_when_it_samples()
    {
        var sampler = new RandomSampler(1);
        var study = NewStudy(sampler, maxSteps: 27);
        var trials = Enumerable.Range(0, 49).Select(_ => study.Ask()).ToList();
        var schedule = new BracketSchedule(1, 27, 3);
        Assert.Equal(trials.Select(t => (int?)schedule.BracketOf(t.Number)), sampler.SeenBrackets);
        Assert.Equal(sampler.SeenBrackets, trials.Select(t => t.Bracket));
    }

    [Fact]
    public void With_no_max_hint_brackets_start_once_a_trial_completes()
    {
        var sampler = new RandomSampler(1);
        var study = NewStudy(sampler, maxSteps: null);
        var runner = new CurveRunner(study);
        var first = runner.Add(Curves.Constant(1.0, 8)); // steps 1..8: Optuna's auto max resource is 8 + 1 = 9
        Assert.Null(first.Bracket);
        var second = study.Ask();
        Assert.Equal(new BracketSchedule(1, 9, 3).BracketOf(second.Number), second.Bracket);
        Assert.Equal([null, second.Bracket], sampler.SeenBrackets);
    }

    [Fact]
    public void A_trial_competes_only_with_trials_of_its_own_bracket()
    {
        // Max 9, η 3: brackets 0 (rungs 1, 3), 1 (rung 3), 2 (no rung).
        var schedule = new BracketSchedule(1, 9, 3);
        var inBracket1 = Enumerable.Range(0, 40).Where(n => schedule.BracketOf(n) == 1).Take(2).ToList();
        var runner = new CurveRunner(NewStudy(new RandomSampler(1), maxSteps: 9));
        for (var n = 0; n <= inBracket1[1]; n++)
            runner.Add(Curves.Constant(n == inBracket1[0] ? 100 : n == inBracket1[1] ? 200 : 0.0, 9));

        // Far worse than every other bracket, but the first of its own bracket at rung 3: goes on (Optuna's bootstrap).
        Assert.Equal(TrialState.Complete, runner.Study.Get(inBracket1[0]).State);
        var second = runner.Study.Get(inBracket1[1]);
        Assert.Equal(TrialState.Pruned, second.State);
        Assert.Equal(3, second.LastStep); // bracket 1's only rung
    }
}
