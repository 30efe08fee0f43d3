using System.Collections.Immutable;

namespace Sweep.Grains.Storage;

/// <summary>
/// Where trials' intermediate values are kept: appended one small row per report, so a report costs the same whether
/// it is a trial's 3rd or its 100,000th (a trial record rewritten per report grew the write-ahead log with the square
/// of the reports). Read back when a sweep activates.
/// </summary>
public interface IProgressLog
{
    /// <summary>Records one intermediate value; a step already recorded for the trial keeps its first value.</summary>
    Task AppendAsync(string sweepId, int number, int step, double value);

    /// <summary>Every recorded value of a sweep's trials: trial number → step → value.</summary>
    Task<ImmutableDictionary<int, ImmutableSortedDictionary<int, double>>> ReadAsync(string sweepId);
}
