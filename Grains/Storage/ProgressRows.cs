using System.Collections.Immutable;

namespace Sweep.Grains.Storage;

/// <summary>Rows of <c>trial_progress</c> gathered as trial number → step → value, whichever database they come from.</summary>
internal static class ProgressRows
{
    /// <param name="next">The next (number, step, value) row, or null after the last.</param>
    public static ImmutableDictionary<int, ImmutableSortedDictionary<int, double>> Collect(Func<(int Number, int Step, double Value)?> next)
    {
        var result = new Dictionary<int, ImmutableSortedDictionary<int, double>.Builder>();
        while (next() is { } row)
        {
            if (!result.TryGetValue(row.Number, out var steps)) result[row.Number] = steps = ImmutableSortedDictionary.CreateBuilder<int, double>();
            steps[row.Step] = row.Value;
        }
        return result.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutable());
    }
}
