using Sweep.Grains.Model;

namespace Sweep.Orchestrator.Reports;

/// <summary>
/// How well a step's intermediate values rank complete trials the way their final values do: Spearman's ρ between the
/// two, step by step. A pruner judging where ρ is near 0 stops trials nearly at random (e.g. early epochs under a
/// decaying learning rate, where a low rate leads and a high one wins), so the report shows it beside the pruner's
/// first judged step.
/// </summary>
internal static class RankAgreement
{
    /// <summary>Fewer complete trials than this at a step say nothing about it.</summary>
    public const int MinimumTrials = 5;

    /// <summary>(step, trials, ρ) for every step but the last that enough complete trials reported, in step order.</summary>
    public static IReadOnlyList<(int Step, int Trials, double Rho)> Of(IReadOnlyList<TrialInfo> complete)
    {
        var finals = complete.Where(t => t.Value is { } v && double.IsFinite(v) && t.Intermediate.Count > 0).ToList();
        var last = finals.Count == 0 ? 0 : finals.Max(t => t.LastStep ?? 0);
        var result = new List<(int, int, double)>();
        foreach (var step in finals.SelectMany(t => t.Intermediate.Keys).Where(s => s < last).Distinct().Order())
        {
            var pairs = finals.Where(t => t.Intermediate.TryGetValue(step, out var v) && double.IsFinite(v))
                              .Select(t => (At: t.Intermediate[step], Final: t.Value!.Value)).ToList();
            if (pairs.Count < MinimumTrials) continue;
            if (Spearman(pairs) is { } rho) result.Add((step, pairs.Count, rho));
        }
        return result;
    }

    /// <summary>Pearson's correlation of the average ranks (ties share their mean rank); null when either side is constant.</summary>
    internal static double? Spearman(IReadOnlyList<(double At, double Final)> pairs)
    {
        var a = Ranks(pairs.Select(p => p.At).ToList());
        var b = Ranks(pairs.Select(p => p.Final).ToList());
        var (ma, mb) = (a.Average(), b.Average());
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? null : sab / Math.Sqrt(saa * sbb);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            for (var k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0 + 1;
            start = end + 1;
        }
        return ranks;
    }
}
