using Sweep.SearchSpaces.Distributions;
using Sweep.SearchSpaces.Samplers;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Tests.Studies;

public sealed class StudyLifecycleTests
{
    private sealed class MidpointSampler : ISampler
    {
        public string Name => "midpoint";

        public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial) =>
            history.Space.Walk((p, _) => p.Distribution is FloatDistribution f ? (f.Low + f.High) / 2 : 0);
    }

    private static Study NewStudy() =>
        new(new SearchSpace([new Parameter("x", new FloatDistribution(0, 1))]), StudyDirection.Minimize, new MidpointSampler());

    [Fact]
    public void Tell_twice_is_an_error_and_keeps_the_first_value()
    {
        var study = NewStudy();
        var t = study.Ask();
        study.Tell(t.Number, 0.5);
        var e = Assert.Throws<StudyException>(() => study.Tell(t.Number, 0.1));
        Assert.Equal("trial 0 is already finished (complete)", e.Message);
        Assert.Equal(0.5, study.BestTrial!.Value);
    }

    [Fact]
    public void NaN_value_fails_the_trial()
    {
        var study = NewStudy();
        var t = study.Ask();
        study.Tell(t.Number, double.NaN);
        Assert.Equal(TrialState.Failed, t.State);
        Assert.Null(study.BestTrial);
    }
}
