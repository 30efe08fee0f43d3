using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class AshaPrunerContract : PrunerContract
{
    protected override IPruner Create(StudyOptions options) => new AshaPruner(new AshaOptions { ReductionFactor = 3 });
}
