using Sweep.SearchSpaces.Pruners;
using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class PruningScheduleTests
{
    [Fact]
    public void The_first_judged_step_is_the_first_rung_the_step_after_warm_up_or_none()
    {
        var asha = new PrunerSpec(PrunerKind.Asha) { Asha = new AshaOptions { MinResource = 2, ReductionFactor = 3 } };
        Assert.Equal(2, PruningSchedule.FirstJudgedStep(asha, 12));
        // Skipped rungs move it: min_resource·η^rate.
        Assert.Equal(6, PruningSchedule.FirstJudgedStep(asha with { Asha = asha.Asha! with { MinEarlyStoppingRate = 1 } }, 12));
        // Auto min resource: max resource / 100, at least 1; unknown without a max resource.
        var auto = new PrunerSpec(PrunerKind.Asha) { Asha = new AshaOptions() };
        Assert.Equal(3, PruningSchedule.FirstJudgedStep(auto, 300));
        Assert.Null(PruningSchedule.FirstJudgedStep(auto, null));
        Assert.Equal(4, PruningSchedule.FirstJudgedStep(new PrunerSpec(PrunerKind.Median) { Median = new MedianPrunerOptions { WarmupSteps = 3 } }, 12));
        Assert.Equal(2, PruningSchedule.FirstJudgedStep(new PrunerSpec(PrunerKind.Hyperband) { Hyperband = new HyperbandOptions { MinResource = 2 } }, 12));
        Assert.Null(PruningSchedule.FirstJudgedStep(PrunerSpec.None, 12));
    }
}
