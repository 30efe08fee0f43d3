using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.TestingHost;
using Sweep.Grains.Model;
using Sweep.Grains.Storage;
using Sweep.Grains.Sweeps;
using Sweep.Grains.Trials;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>
/// A sweep whose rows another activation wrote meanwhile, as after a partition (a frozen silo's activations live on
/// beside the ones the rest of the cluster made): a rebuilt sweep counts its trials as stored, and an overtaken
/// activation of the sweep writes no trial. The other activation's writes are made here with a second storage
/// provider over the same database file.
/// </summary>
public sealed class OvertakenSweepTests : IAsyncLifetime
{
    private static readonly TrialOutcome Done = new() { State = TrialState.Complete, Value = 1.5 };
    private readonly string _dir = Directory.CreateTempSubdirectory("sweep-overtaken-").FullName;
    private TestCluster _cluster = null!;
    private GrainStateStorage _elsewhere = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EngineSiloConfigurator.DeployAsync(_dir, silos: 1);
        var activators = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();
        _elsewhere = new GrainStateStorage("elsewhere", new SqliteGrainStorageOptions { DatabasePath = Path.Combine(_dir, "sweep.db") },
                                           activators, NullLogger<GrainStateStorage>.Instance);
    }

    public async Task DisposeAsync()
    {
        _elsewhere.Dispose();
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_rebuilt_sweep_counts_its_trials_as_stored_not_as_a_trial_activation_remembers_them()
    {
        var sweep = _cluster.GrainFactory.GetGrain<ISweepGrain>("s1");
        await sweep.CreateAsync(BookFixture.Spec(maxTrials: 2, parallel: 2), "book.yaml");
        var a = (await sweep.NextAsync(new RunnerSlot("r1", "node", "cpu")))!;
        var b = (await sweep.NextAsync(new RunnerSlot("r1", "node", "cpu")))!;

        // Elsewhere, trial a finished and the sweep record says so; this silo's activation of trial a still holds it running.
        var record = await ReadAsync<SweepInfo>(SweepGrain.StateName, SweepId);
        var trial = await ReadAsync<TrialInfo>("trial", TrialId(a.Number));
        trial.State = trial.State! with
        {
            Status = TrialState.Complete, Value = 2.5, FinishedUtc = DateTime.UtcNow,
            Fence = new StateFence(SweepGrain.StateName, SweepId.ToString(), long.Parse(record.ETag!, System.Globalization.CultureInfo.InvariantCulture)),
        };
        await _elsewhere.WriteStateAsync("trial", TrialId(a.Number), trial);
        record.State = record.State! with { Running = 1, Complete = 1 };
        await _elsewhere.WriteStateAsync(SweepGrain.StateName, SweepId, record);

        await sweep.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var rebuilt = (await sweep.GetAsync())!;
        Assert.Equal((1, 1), (rebuilt.Complete, rebuilt.Running));

        // The rebuilt activation took the sweep over: the writer elsewhere, still at the record it wrote, writes no trial.
        trial = await ReadAsync<TrialInfo>("trial", TrialId(a.Number));
        trial.State = trial.State! with { Fence = trial.State.Fence! with { Etag = long.Parse(record.ETag!, System.Globalization.CultureInfo.InvariantCulture) } };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _elsewhere.WriteStateAsync("trial", TrialId(a.Number), trial));

        await sweep.FinishAsync(b.Number, b.Attempt, Done);
        var stored = (await ReadAsync<SweepInfo>(SweepGrain.StateName, SweepId)).State!;
        Assert.Equal((SweepStatus.Completed, 2, 0), (stored.Status, stored.Complete, stored.Running));
    }

    [Fact]
    public async Task An_overtaken_sweep_activation_writes_no_trial()
    {
        var sweep = _cluster.GrainFactory.GetGrain<ISweepGrain>("s1");
        await sweep.CreateAsync(BookFixture.Spec(maxTrials: 2, parallel: 2), "book.yaml");
        var a = (await sweep.NextAsync(new RunnerSlot("r1", "node", "cpu")))!;
        var written = (await ReadAsync<TrialInfo>("trial", TrialId(a.Number))).State!;
        Assert.Equal(new StateFence(SweepGrain.StateName, SweepId.ToString(), 1), written.Fence);

        // Another activation of the sweep wrote its record since: this one's word no longer counts.
        var record = await ReadAsync<SweepInfo>(SweepGrain.StateName, SweepId);
        await _elsewhere.WriteStateAsync(SweepGrain.StateName, SweepId, record);

        await Assert.ThrowsAsync<InconsistentStateException>(() => sweep.FinishAsync(a.Number, a.Attempt, Done));
        var after = (await ReadAsync<TrialInfo>("trial", TrialId(a.Number))).State!;
        Assert.Equal((TrialState.Running, null), (after.Status, after.Value));

        // The next call reaches an activation rebuilt from storage, whose writes count.
        await sweep.FinishAsync(a.Number, a.Attempt, Done);
        Assert.Equal(TrialState.Complete, (await ReadAsync<TrialInfo>("trial", TrialId(a.Number))).State!.Status);
    }

    private static GrainId SweepId => GrainId.Parse(StoredGrainId.For<ISweepGrain>("s1"));

    private static GrainId TrialId(int number) => GrainId.Parse(StoredGrainId.For<ITrialGrain>(TrialGrain.Key("s1", number)));

    private async Task<Orleans.GrainState<T?>> ReadAsync<T>(string stateName, GrainId grain)
        where T : class
    {
        var state = new Orleans.GrainState<T?>();
        await _elsewhere.ReadStateAsync(stateName, grain, state);
        return state;
    }
}
