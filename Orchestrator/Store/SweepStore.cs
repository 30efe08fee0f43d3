using Sweep.Grains.Model;
using Sweep.Grains.Storage;
using Sweep.Grains.Sweeps;
using Sweep.Grains.Trials;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Store;

/// <summary>
/// Read-only view of the stored sweeps for the read verbs (status, list, trials, best, export): they read the rows
/// the grains wrote, without a silo, even while one is running: a home's state file (WAL lets readers in while it
/// writes), or a cluster's PostgreSQL database.
/// </summary>
public sealed class SweepStore(IStateReader reader, IDisposable? owned = null) : IDisposable
{
    public static SweepStore Open(SweepHome home) => new(new SqliteStateReader(home.Database));

    public static SweepStore Open(Cluster.ClusterSettings cluster)
    {
        var database = cluster.OpenDataSource();
        return new SweepStore(new PostgresStateReader(database, cluster.ServiceId), database);
    }

    /// <param name="onDamaged">Where a sweep record that cannot be read goes; it is left out. Null: it throws.</param>
    public IReadOnlyList<SweepInfo> Sweeps(Action<StoredStateCorruptedException>? onDamaged = null) =>
        [.. reader.List<SweepInfo>("sweep", onDamaged: onDamaged).Select(r => r.State).OrderBy(s => s.CreatedUtc)];

    /// <exception cref="UsageException">No sweep has this id.</exception>
    public SweepInfo Sweep(string id) =>
        reader.Get<SweepInfo>("sweep", StoredGrainId.For<ISweepGrain>(id))
        ?? throw new UsageException($"no sweep with id '{id}' in {reader.Where} (see `sweep list`)");

    /// <summary>The refusal of a trial number the sweep does not have, with the numbers it has.</summary>
    public static UsageException NoSuchTrial(SweepInfo sweep, IReadOnlyList<TrialInfo> trials, int number) => new(trials.Count == 0
        ? $"sweep {sweep.Id} has no trials yet"
        : $"sweep {sweep.Id} has no trial {number} (trials {trials[0].Number}..{trials[^1].Number}; see `sweep trials {sweep.Id}`)");

    /// <summary>The sweep's trials, their intermediate values merged in from the progress log.</summary>
    public IReadOnlyList<TrialInfo> Trials(string sweepId)
    {
        var progress = reader.Progress(sweepId);
        return [.. reader.List<TrialInfo>("trial", StoredGrainId.For<ITrialGrain>(sweepId + "/"))
            .Select(r => r.State).Where(t => t.SweepId == sweepId).OrderBy(t => t.Number)
            .Select(t => progress.TryGetValue(t.Number, out var steps) ? t with { Intermediate = t.Intermediate.SetItems(steps) } : t)];
    }

    /// <summary>Every node's placement record, by name.</summary>
    public IReadOnlyList<NodeInfo> Nodes() =>
        [.. reader.List<NodeInfo>("node").Select(r => r.State).OrderBy(n => n.Name, StringComparer.Ordinal)];

    public void Dispose()
    {
        reader.Dispose();
        owned?.Dispose();
    }
}
