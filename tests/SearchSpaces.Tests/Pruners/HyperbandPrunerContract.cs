using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class HyperbandPrunerContract : PrunerContract
{
    protected override IPruner Create(StudyOptions options) => new HyperbandPruner();
}
