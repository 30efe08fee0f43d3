using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Samplers.Numpy;
using Sweep.SearchSpaces.Samplers.Tpe;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Tpe;

/// <summary>
/// The incremental univariate path must propose what the general one does, bit for bit, on histories far
/// longer than the golden studies: ties on integer grids, late finishers, pruned trials and liars included.
/// </summary>
public sealed class TpeUnivariateTests
{
    private static readonly SearchSpace Space = new([
        new Parameter("x", new FloatDistribution(-5, 5)),
        new Parameter("lr", new FloatDistribution(1e-5, 1, log: true)),
        new Parameter("n_layers", new IntDistribution(1, 8)),
        new Parameter("units", new IntDistribution(8, 1024, log: true)),
        new Parameter("drop", new FloatDistribution(0, 0.5, step: 0.05)),
        new Parameter("optimizer", new CategoricalDistribution(["sgd", "adam", "rmsprop", "adagrad"])),
    ]);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Matches_the_general_path_on_a_long_history(bool considerPrior)
    {
        var study = new Study(Space, StudyDirection.Minimize, new TpeSampler(new TpeOptions { Seed = 3 }));
        var rnd = new System.Random(5);
        var pending = new List<TrialRecord>();
        for (var i = 0; i < 400; i++)
        {
            pending.Add(study.Ask());
            // Finish out of order now and then, so late finishers are inserted mid-history.
            if (pending.Count < 3 && i < 399) continue;
            var t = pending[rnd.Next(pending.Count)];
            pending.Remove(t);
            if (i % 17 == 0) study.TellPruned(t.Number);
            else study.Tell(t.Number, Math.Round(rnd.NextDouble() * 20) / 4);
        }
        var obs = new TpeObservations(Space);
        foreach (var t in study.Trials) obs.TryAdd(t, StudyDirection.Minimize);
        var running = study.Trials.Where(t => t.State == TrialState.Running).ToList();
        Assert.NotEmpty(running);
        var settings = ParzenSettings.From(new TpeOptions { ConsiderPrior = considerPrior });
        var split = new TpeSplit(obs, TpeWeights.DefaultGamma(obs.Count));
        var fast = new TpeUnivariate(obs, settings, 24, new NumpyRandomState(9));
        var slow = new TpeContext(obs, running, settings, 24, new NumpyRandomState(9));
        for (var round = 0; round < 3; round++)
            foreach (var dim in obs.Dimensions)
            {
                var into = new Dictionary<string, double>();
                slow.SampleJoint([dim], split, into);
                Assert.Equal(into[dim.Name], fast.Sample(dim, split, running));
            }
    }
}
