using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class MedianPrunerContract : PrunerContract
{
    protected override int StartupTrials => 3;

    protected override int WarmupSteps => 2;

    protected override IPruner Create(StudyOptions options) =>
        new MedianPruner(new MedianPrunerOptions { StartupTrials = 3, WarmupSteps = 2 });
}
