using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class NopPrunerContract : PrunerContract
{
    protected override bool Stops => false;

    protected override IPruner Create(StudyOptions options) => new NopPruner();
}

public sealed class MedianPrunerContract : PrunerContract
{
    protected override int StartupTrials => 3;

    protected override int WarmupSteps => 2;

    protected override IPruner Create(StudyOptions options) =>
        new MedianPruner(new MedianPrunerOptions { StartupTrials = 3, WarmupSteps = 2 });
}

public sealed class AshaPrunerContract : PrunerContract
{
    protected override IPruner Create(StudyOptions options) => new AshaPruner(new AshaOptions { ReductionFactor = 3 });
}

public sealed class PausingAshaPrunerContract : PrunerContract
{
    protected override bool SupportsPause => true;

    protected override IPruner Create(StudyOptions options) => new AshaPruner(new AshaOptions { ReductionFactor = 3 });
}

public sealed class HyperbandPrunerContract : PrunerContract
{
    protected override IPruner Create(StudyOptions options) => new HyperbandPruner();
}

public sealed class PausingHyperbandPrunerContract : PrunerContract
{
    protected override bool SupportsPause => true;

    protected override IPruner Create(StudyOptions options) => new HyperbandPruner();
}
