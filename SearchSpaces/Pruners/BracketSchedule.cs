namespace Sweep.SearchSpaces.Pruners;

/// <summary>
/// Hyperband's brackets for a resource range: n = ⌊log_η(max/min)⌋ + 1 brackets, bracket b being successive halving with
/// min_early_stopping_rate b, and trial shares weighted by Optuna's budget ⌈n·η^s/(s+1)⌉ with s = n−1−b. Optuna draws the
/// bracket from crc32(study name + number); here trial numbers walk a fixed smooth weighted round-robin cycle, so every
/// window of one cycle holds each bracket exactly its budget's number of times and brackets interleave.
/// </summary>
internal sealed class BracketSchedule
{
    private readonly int[] _cycle;

    public BracketSchedule(int minResource, int maxResource, int eta)
    {
        // Integer powers instead of Optuna's floating log, which floors log_3(243) to 4 and loses a bracket.
        var count = 1;
        for (var r = (long)minResource * eta; r <= maxResource; r *= eta) count++;
        Budgets = Enumerable.Range(0, count)
            .Select(b => (int)Math.Ceiling(count * Math.Pow(eta, count - 1 - b) / (count - b)))
            .ToArray();
        _cycle = SmoothRoundRobin(Budgets);
    }

    public int Count => Budgets.Count;

    /// <summary>Trials per cycle for each bracket, most aggressive bracket (0) first.</summary>
    public IReadOnlyList<int> Budgets { get; }

    public int BracketOf(int trialNumber) => _cycle[trialNumber % _cycle.Length];

    private static int[] SmoothRoundRobin(IReadOnlyList<int> weights)
    {
        var total = weights.Sum();
        var current = new long[weights.Count];
        var cycle = new int[total];
        for (var i = 0; i < total; i++)
        {
            var pick = 0;
            for (var b = 0; b < weights.Count; b++)
            {
                current[b] += weights[b];
                if (current[b] > current[pick]) pick = b;
            }
            current[pick] -= total;
            cycle[i] = pick;
        }
        return cycle;
    }
}
