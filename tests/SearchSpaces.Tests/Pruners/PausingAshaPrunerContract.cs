using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class PausingAshaPrunerContract : PrunerContract
{
    protected override bool SupportsPause => true;

    protected override IPruner Create(StudyOptions options) => new AshaPruner(new AshaOptions { ReductionFactor = 3 });
}
