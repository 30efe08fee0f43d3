namespace Sweep.Contracts.Text;

/// <summary>
/// Finds the known word closest to a misspelt one ("did you mean 'maxTrials'?"). Shared by the spec reader and
/// the trainer's run config, so both suggest the same way.
/// </summary>
public static class KeySuggester
{
    // Names users bring from other tools; edit distance would not find them.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["min"] = "low", ["max"] = "high", ["values"] = "choices", ["q"] = "step",
        ["direction"] = "goal", ["objective"] = "metric", ["algorithm"] = "sampler", ["method"] = "type",
        ["earlyTerminate"] = "pruner", ["runCap"] = "maxTrials", ["parallelism"] = "parallelTrials",
    };

    public static string? Closest(string word, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        if (Aliases.TryGetValue(word, out var alias) && candidates.Contains(alias)) return alias;
        var ci = candidates.FirstOrDefault(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase));
        if (ci is not null) return ci;
        // A dotted key given without its prefix (mixRatio for tmkt.mixRatio) is no typo: name the full key.
        var bySegment = candidates.Where(k => k.EndsWith("." + word, StringComparison.OrdinalIgnoreCase)).ToList();
        if (bySegment.Count == 1) return bySegment[0];
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), k.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (k, d);
        }
        // Beyond a third of the word, a suggestion is a guess that misleads more than it helps.
        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    /// <summary>Optimal-string-alignment distance: Levenshtein plus adjacent transpositions (case-sensitive).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
