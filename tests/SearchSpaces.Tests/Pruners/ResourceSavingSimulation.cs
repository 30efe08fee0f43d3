using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Spaces;
using Xunit.Abstractions;

namespace Sweep.SearchSpaces.Tests.Pruners;

/// <summary>
/// Steps saved on the benchmark's pruning setup (hartmann6, 100 trials × 27-step curves from hpo_funcs.py) with a random
/// sampler; not timed. Prints steps used and regret; asserts only that each pruner saves a clear share of the steps.
/// </summary>
public sealed class ResourceSavingSimulation(ITestOutputHelper output)
{
    private const int Trials = 100;
    private const int Steps = 27;
    private static readonly int[] Seeds = [0, 1, 2, 3, 4];

    public static TheoryData<string, double> Pruners => new()
    {
        { "median", 0.25 },
        { "asha", 0.60 },
        { "asha+pause", 0.50 },
        { "hyperband", 0.40 },
        { "hyperband+pause", 0.35 },
    };

    [Theory]
    [MemberData(nameof(Pruners))]
    public void Pruning_saves_steps_on_hartmann6_learning_curves(string pruner, double minimumSaving)
    {
        var used = new List<double>();
        foreach (var seed in Seeds)
        {
            var baseline = Run("none", seed);
            var run = Run(pruner, seed);
            used.Add(run.StepsUsed);
            output.WriteLine($"{pruner,-16} seed {seed}: steps {run.StepsUsed,5} (none {baseline.StepsUsed}), " +
                $"saved {1 - run.StepsUsed / (double)baseline.StepsUsed:P1}, regret@100 trials {run.Regret:F3} (none {baseline.Regret:F3}), " +
                $"regret@675 steps {run.RegretAt(675):F3} (none {baseline.RegretAt(675):F3}), @1350 {run.RegretAt(1350):F3} (none {baseline.RegretAt(1350):F3})");
        }
        var saved = 1 - used.Average() / (Trials * Steps);
        output.WriteLine($"{pruner}: mean share of steps saved {saved:P1}");
        Assert.True(saved >= minimumSaving, $"{pruner} saved {saved:P1} of the steps, expected at least {minimumSaving:P0}");
    }

    private static SimulationResult Run(string pruner, int seed)
    {
        var pause = pruner.EndsWith("+pause", StringComparison.Ordinal);
        IPruner p = pruner.Split('+')[0] switch
        {
            "none" => new NopPruner(),
            "median" => new MedianPruner(),
            "asha" => new AshaPruner(),
            "hyperband" => new HyperbandPruner(),
            var other => throw new ArgumentException($"unknown pruner {other}", nameof(pruner)),
        };
        var space = new SearchSpace(Enumerable.Range(0, 6).Select(i => new Parameter($"x{i}", new FloatDistribution(0, 1))));
        var study = new Study(space, StudyDirection.Minimize, new RandomSampler(seed), p, new StudyOptions { SupportsPause = pause, MaxSteps = Steps });
        var runner = new CurveRunner(study);
        for (var i = 0; i < Trials; i++)
            runner.Add(t =>
            {
                var final = LearningCurves.Hartmann6(t.Params);
                return Enumerable.Range(1, Steps)
                    .Select(s => LearningCurves.CurveValue(final, LearningCurves.Hartmann6Optimum, t.Params, s, Steps)).ToArray();
            });
        runner.Finish();
        return new SimulationResult(study, runner.Log, Steps, LearningCurves.Hartmann6Optimum);
    }
}
