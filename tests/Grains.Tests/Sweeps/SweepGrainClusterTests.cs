using Orleans.TestingHost;
using Sweep.Grains.Model;
using Sweep.Grains.Nodes;
using Sweep.Grains.Storage;
using Sweep.Grains.Sweeps;
using Sweep.Grains.Trials;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>The grains on a real test cluster (2 silos) over real SQLite: every interface's codecs, and a restart.</summary>
public sealed class SweepGrainClusterTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sweep-grains-").FullName;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await Deploy();

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_sweep_runs_through_every_grain_interface_and_survives_a_cluster_restart()
    {
        var sweep = _cluster.GrainFactory.GetGrain<ISweepGrain>("s1");
        var info = await sweep.CreateAsync(BookFixture.Spec(maxTrials: 4, parallel: 2), "book.yaml");
        Assert.Equal((SweepStatus.Running, 4), (info.Status, info.MaxTrials));
        await Assert.ThrowsAsync<InvalidOperationException>(() => sweep.CreateAsync(BookFixture.Spec(), "book.yaml"));
        Assert.Equal("s1", Assert.Single(await _cluster.GrainFactory.GetGrain<ISweepDirectoryGrain>(0).ActiveAsync()));

        var slot = new RunnerSlot("r1", "node", "cpu");
        var a = (await sweep.NextAsync(slot))!;
        var b = (await sweep.NextAsync(slot))!;
        Assert.Null(await sweep.NextAsync(slot));
        Assert.Equal(ReportDecision.Continue, await sweep.ReportAsync(a.Number, a.Attempt, 1, 3.5));
        await sweep.FinishAsync(a.Number, a.Attempt, new TrialOutcome { State = TrialState.Complete, Value = 1.25 });
        Assert.Empty(await sweep.HeartbeatAsync("r1", [new TrialAttempt(b.Number, b.Attempt)]));
        await _cluster.GrainFactory.GetGrain<IGpuNodeGrain>("node").UpdateAsync(new NodeInfo { Name = "node", Devices = ["cpu"] });
        Assert.Equal("cpu", Assert.Single((await _cluster.GrainFactory.GetGrain<IGpuNodeGrain>("node").GetAsync())!.Devices));
        var stored = await _cluster.GrainFactory.GetGrain<ITrialGrain>(TrialGrain.Key("s1", a.Number)).GetAsync();
        Assert.Equal((TrialState.Complete, 1.25), (stored!.Status, stored.Value));
        Assert.Empty(stored.Intermediate);                                    // reports go to the progress log, not the row
        Assert.Equal(3.5, (await sweep.TrialsAsync())[a.Number].Intermediate[1]);

        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await Deploy();

        sweep = _cluster.GrainFactory.GetGrain<ISweepGrain>("s1");
        var after = (await sweep.GetAsync())!;
        Assert.Equal((2, 1, 1, 0, 1.25), (after.Asked, after.Complete, after.Running, after.BestTrial!.Value, after.BestValue!.Value));
        Assert.Equal(3.5, (await sweep.TrialsAsync())[a.Number].Intermediate[1]);   // read back from the progress log
        var resumed = await sweep.ResumeAsync();               // runner r1 is gone: its attempt goes back to pending
        Assert.Equal((1, 0), (resumed.Pending, resumed.Running));
        var again = (await sweep.NextAsync(new RunnerSlot("r2", "node", "cpu")))!;
        Assert.Equal((b.Number, 2, b.ParamsJson), (again.Number, again.Attempt, again.ParamsJson));
        Assert.Equal(TrialState.Running, (await sweep.TrialsAsync())[b.Number].Status);

        using var reader = new SqliteStateReader(Path.Combine(_dir, "sweep.db"));
        Assert.Equal(1, reader.Get<SweepInfo>("sweep", StoredGrainId.For<ISweepGrain>("s1"))!.Complete);
        Assert.Equal(3.5, reader.Progress("s1")[a.Number][1]);
        await Assert.ThrowsAsync<SweepNotFoundException>(() => _cluster.GrainFactory.GetGrain<ISweepGrain>("nope").ResumeAsync());
    }

    private Task<TestCluster> Deploy() => EngineSiloConfigurator.DeployAsync(_dir, silos: 2);
}
