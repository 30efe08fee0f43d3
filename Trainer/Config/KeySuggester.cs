namespace Sweep.Trainer.Config;

/// <summary>
/// Finds the key closest to a misspelt one. A copy of the spec reader's rule (SearchSpaces stays out of the
/// trainer's dependencies), plus a match on the last dotted segment so <c>mixRatio</c> finds <c>tmkt.mixRatio</c>.
/// </summary>
internal static class KeySuggester
{
    public static string? Closest(string word, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        var ci = candidates.FirstOrDefault(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase));
        if (ci is not null) return ci;
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

    /// <summary>Optimal-string-alignment distance: Levenshtein plus adjacent transpositions.</summary>
    internal static int Distance(string a, string b)
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
