namespace Sweep.SearchSpaces.Tests.Samplers;

/// <summary>
/// A fixed sequence of asks, reports and tells with pruned, failed and in-flight trials mixed in, recording
/// every proposal; two runs with the same seed must record the same strings.
/// </summary>
public static class SamplerScript
{
    public static List<string> Run(Study study, int trials)
    {
        var proposals = new List<string>();
        TrialRecord? held = null;
        for (var i = 0; i < trials; i++)
        {
            var t = study.Ask();
            proposals.Add(Describe(t.Params));
            switch (i % 6)
            {
                case 1:
                    study.Report(t.Number, 0, Objective(t));
                    study.Report(t.Number, 1, Objective(t) / 2);
                    study.TellPruned(t.Number);
                    break;
                case 3:
                    study.TellFailed(t.Number, "diverged");
                    break;
                case 4:
                    // Kept in flight across the next asks.
                    if (held is not null) study.Tell(held.Number, Objective(held));
                    held = t;
                    break;
                case 5:
                    study.Tell(t.Number, double.NaN);
                    break;
                default:
                    study.Tell(t.Number, Objective(t));
                    break;
            }
        }
        if (held is not null) study.Tell(held.Number, Objective(held));
        return proposals;
    }

    /// <summary>A smooth function of every parameter present, so model-based samplers see real differences.</summary>
    public static double Objective(TrialRecord t) =>
        t.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select((p, i) => Math.Sin((i + 1) * p.Value) + 0.1 * p.Value).Sum();

    public static string Describe(IReadOnlyDictionary<string, double> config) =>
        string.Join(", ", config.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"));
}
