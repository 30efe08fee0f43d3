using System.Collections.Immutable;

namespace Sweep.Grains.Storage;

/// <summary>
/// Reads the rows <see cref="GrainStateStorage"/> and <see cref="IProgressLog"/> wrote, for processes that are not
/// silos (the CLI's read verbs): each call sees the last committed write. Cleared states read as absent.
/// </summary>
public interface IStateReader : IDisposable
{
    /// <summary>Where the rows live, for messages.</summary>
    string Where { get; }

    /// <summary>The state of one grain, or default when it was never written or was cleared.</summary>
    T? Get<T>(string stateName, string grainId);

    /// <summary>All stored states of one state name, by grain id; optionally only ids starting with a prefix (e.g. <c>"trial/"</c>).</summary>
    /// <param name="onDamaged">Where a row that cannot be read goes (it is then skipped); null: it throws.</param>
    /// <exception cref="StoredStateCorruptedException">A row cannot be read and <paramref name="onDamaged"/> is null.</exception>
    IReadOnlyList<(string GrainId, T State)> List<T>(string stateName, string? grainIdPrefix = null, Action<StoredStateCorruptedException>? onDamaged = null);

    /// <summary>The intermediate values of a sweep's trials: trial number → step → value.</summary>
    ImmutableDictionary<int, ImmutableSortedDictionary<int, double>> Progress(string sweepId);
}
