using Sweep.SearchSpaces.Samplers.Grid;
using Sweep.SearchSpaces.Spaces;

namespace Sweep.SearchSpaces.Samplers;

/// <summary>
/// Visits every valid configuration of the grid (see <see cref="GridPoints"/> and <see cref="GridAxis"/>) in
/// row-major or seeded shuffled order. The next point is the first in visiting order among the least-visited,
/// counted over every trial of the history (in flight included), so a point is never handed out twice while
/// another is unvisited, and a restarted sampler picks up where the study is. After a full pass it starts again.
/// </summary>
public sealed class GridSampler : ISampler
{
    private readonly GridOptions _options;
    private readonly int _seed;
    private SearchSpace? _space;
    private GridPoints? _points;
    private int[] _order = [];

    public GridSampler(GridOptions? options = null)
    {
        _options = options ?? new GridOptions();
        if (_options.Validate() is { } problem) throw new ArgumentException(problem, nameof(options));
        _seed = _options.Seed ?? Random.Shared.Next();
    }

    public string Name => "grid";

    /// <summary>True once every grid point has been handed out at least once; the engine can stop asking.</summary>
    public bool IsExhausted { get; private set; }

    /// <summary>The grid of <paramref name="space"/>, built once per space.</summary>
    public GridPoints PointsFor(SearchSpace space)
    {
        if (_points is not null && ReferenceEquals(space, _space)) return _points;
        var points = new GridPoints(space, _options);
        _order = [.. Enumerable.Range(0, points.Count)];
        if (_options.Shuffle) new Random(_seed).Shuffle(_order);
        (_space, _points) = (space, points);
        return points;
    }

    public IReadOnlyDictionary<string, double> Sample(ITrialHistory history, TrialRecord trial)
    {
        var points = PointsFor(history.Space);
        var visits = new int[points.Count];
        foreach (var other in history.Trials)
            if (!ReferenceEquals(other, trial) && points.IndexOf(other.Params) is var i and >= 0)
                visits[i]++;
        var fewest = visits.Min();
        var chosen = _order.First(i => visits[i] == fewest);
        visits[chosen]++;
        IsExhausted = visits.Min() > 0;
        return points.Config(chosen);
    }
}
