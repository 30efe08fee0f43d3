using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class NopPrunerContract : PrunerContract
{
    protected override bool Stops => false;

    protected override IPruner Create(StudyOptions options) => new NopPruner();
}
