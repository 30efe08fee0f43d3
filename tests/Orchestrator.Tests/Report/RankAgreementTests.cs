using System.Collections.Immutable;
using Sweep.Grains.Model;
using Sweep.Orchestrator.Reports;

namespace Sweep.Orchestrator.Tests.Report;

public sealed class RankAgreementTests
{
    private static TrialInfo Trial(int number, double final, params double[] curve) => new()
    {
        SweepId = "s",
        Number = number,
        Status = TrialState.Complete,
        Value = final,
        Intermediate = curve.Select((v, i) => KeyValuePair.Create(i + 1, v)).ToImmutableSortedDictionary(),
    };

    [Fact]
    public void Spearman_is_one_for_the_same_order_minus_one_for_the_reverse_and_shares_ranks_between_ties()
    {
        Assert.Equal(1.0, RankAgreement.Spearman([(1, 10), (2, 20), (3, 35), (4, 90)])!.Value, 12);
        Assert.Equal(-1.0, RankAgreement.Spearman([(4, 10), (3, 20), (2, 35), (1, 90)])!.Value, 12);
        // Ranks (1.5, 1.5, 3) against (1, 2, 3): scipy.stats.spearmanr gives 0.8660254037844387.
        Assert.Equal(0.8660254037844387, RankAgreement.Spearman([(5, 1), (5, 2), (7, 3)])!.Value, 12);
        Assert.Null(RankAgreement.Spearman([(5, 1), (5, 2), (5, 3)]));
    }

    [Fact]
    public void Each_step_before_the_last_is_scored_over_the_trials_that_reported_it_from_five_on()
    {
        // Step 1 ranks like the finals, step 2 the reverse way; step 3 is the last (the final value itself) and left out.
        var trials = Enumerable.Range(0, 6).Select(i => Trial(i, i, i, -i, i)).ToList();
        var agreement = RankAgreement.Of(trials);
        Assert.Equal([(1, 6, 1.0), (2, 6, -1.0)], agreement.Select(a => (a.Step, a.Trials, Math.Round(a.Rho, 12))));
        // Four trials say nothing: no step is scored.
        Assert.Empty(RankAgreement.Of(trials.Take(4).ToList()));
    }
}
