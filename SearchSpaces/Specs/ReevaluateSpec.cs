namespace Sweep.SearchSpaces.Specs;

/// <summary>
/// <c>budget.reevaluate</c>: once the search has spent <c>maxTrials</c>, the <paramref name="Top"/> best distinct
/// configurations each run again on <paramref name="Seeds"/> fresh seeds, and the sweep ranks them by their mean.
/// These <c>Top × Seeds</c> trials come on top of <c>maxTrials</c>.
/// </summary>
/// <param name="Top">Distinct configurations re-run, the best first; at least 1.</param>
/// <param name="Seeds">Fresh seeds each of them runs on; at least 1.</param>
public sealed record ReevaluateSpec(int Top, int Seeds)
{
    /// <summary>The most trials the stage adds (fewer when fewer distinct configurations completed).</summary>
    public int Trials => Top * Seeds;
}
