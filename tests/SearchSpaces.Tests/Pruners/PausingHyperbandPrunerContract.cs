using Sweep.SearchSpaces.Pruners;

namespace Sweep.SearchSpaces.Tests.Pruners;

public sealed class PausingHyperbandPrunerContract : PrunerContract
{
    protected override bool SupportsPause => true;

    protected override IPruner Create(StudyOptions options) => new HyperbandPruner();
}
