using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Sweep.Grains.Model;
using Sweep.Grains.Sweeps;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>
/// A runner that takes an attempt and is never heard from again (killed with its node, out of memory) loses its
/// lease: on a real test cluster with a 1 s lease, each loss counts as a failed attempt, and after budget.maxRetries
/// the trial fails with the reason instead of being requeued for ever.
/// </summary>
public sealed class RunnerLossTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sweep-lease-").FullName;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await EngineSiloConfigurator.DeployAsync(_dir, silos: 1, b => b.AddSiloBuilderConfigurator<ShortLease>());

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_runner_lost_three_times_fails_the_trial_after_max_retries_with_the_reason()
    {
        var sweep = _cluster.GrainFactory.GetGrain<ISweepGrain>("lost");
        await sweep.CreateAsync(BookFixture.Spec(maxTrials: 1, parallel: 1, extraBudget: ", maxRetries: 2"), "book.yaml");
        TrialAssignment? first = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // A fresh runner each time: the previous one is gone, as after kill -9 of its silo.
            var a = await WaitForAsync(() => sweep.NextAsync(new RunnerSlot($"runner-{attempt}", "node", "cpu")), $"attempt {attempt} is handed out");
            first ??= a;
            Assert.Equal((0, attempt, first.ParamsJson), (a.Number, a.Attempt, a.ParamsJson));
        }
        var trial = await WaitForAsync(async () => (await sweep.TrialsAsync())[0] is { Status: TrialState.Failed } t ? t : null, "the trial failed");
        Assert.Equal(2, trial.Retries);
        Assert.Equal("runner runner-3 stopped reporting during attempt 3; 3 attempts, no retries left (budget.maxRetries is 2)", trial.Error);
        var info = (await sweep.GetAsync())!;
        Assert.Equal((SweepStatus.Failed, 1, 0), (info.Status, info.Failed, info.Pending));
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(100);
        }
        throw new TimeoutException($"timed out waiting until {what}");
    }

    private sealed class ShortLease : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.Configure<SweepEngineOptions>(o =>
        {
            o.LeaseTimeout = TimeSpan.FromSeconds(1);
            o.TickInterval = TimeSpan.FromMilliseconds(100);
        });
    }
}
