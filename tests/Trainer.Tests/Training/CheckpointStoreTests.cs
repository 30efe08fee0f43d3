using Sweep.Trainer.Snn;
using System.Collections.Immutable;
using Sweep.Trainer.Config;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Tests.Config;
using Sweep.Trainer.Training.Checkpoints;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Training;

[Collection(TorchCollection.Name)]
public sealed class CheckpointStoreTests : IDisposable
{
    private readonly TempFiles _files = new();

    public CheckpointStoreTests() => TorchRuntime.Initialize(new TorchRuntimeOptions(Threads: 1));

    public void Dispose() => _files.Dispose();

    private static CheckpointMetadata Meta(int epoch, int? bestEpoch, RunConfig? config = null)
    {
        config ??= RunConfig.Default;
        return new(epoch, epoch * 10L, 0.1 * epoch, 0.5, bestEpoch, config.Seed, CheckpointStore.CaptureTorchRng(),
                   ImmutableSortedDictionary<string, long>.Empty.Add("pairs", epoch * 3L), config.Hash, config.RunAffectingValues(),
                   ImmutableSortedDictionary<string, string>.Empty.Add("sweepId", "s1"), false, DateTimeOffset.UnixEpoch);
    }

    private static void Step(Linear model, OptimizerHelper optimizer, Tensor x)
    {
        optimizer.zero_grad();
        using var loss = model.forward(x).Pow(2).mean();
        loss.backward();
        optimizer.step();
    }

    [Fact]
    public void Keeps_the_newest_and_the_best_epoch_only()
    {
        var store = new CheckpointStore(_files.Root);
        using var model = nn.Linear(3, 2);
        store.Save(model, null, Meta(1, 1));
        store.Save(model, null, Meta(2, 2));
        store.Save(model, null, Meta(3, 2));
        store.Save(model, null, Meta(4, 2));
        Assert.Equal(["epoch-000002", "epoch-000004"], Directory.GetDirectories(_files.Root).Select(Path.GetFileName).Order());
        Assert.Equal(4, store.Latest()!.Epoch);
        Assert.Equal(Path.Combine(_files.Root, "epoch-000002"), store.BestPath);
        Assert.Equal(12L, store.Latest()!.RngPositions["pairs"]);
        Assert.Equal("s1", store.Latest()!.Provenance["sweepId"]);
    }

    [Fact]
    public void Model_and_optimizer_state_round_trip_so_training_continues_identically()
    {
        manual_seed(1);
        var x = randn(8, 3);
        using var a = nn.Linear(3, 2);
        var optA = optim.AdamW(a.parameters(), lr: 0.01);
        Step(a, optA, x);
        Step(a, optA, x);
        var store = new CheckpointStore(_files.Root);
        store.Save(a, optA, Meta(1, 1));

        using var b = nn.Linear(3, 2);
        var optB = optim.AdamW(b.parameters(), lr: 0.01);
        var meta = store.Restore(b, optB);
        Assert.True(meta.HasOptimizerState);
        Assert.True(a.weight!.allclose(b.weight!));
        Step(a, optA, x);
        Step(b, optB, x);
        // Adam's moments came back too: a fresh optimizer would take a different third step.
        Assert.True(a.weight!.allclose(b.weight!, rtol: 0, atol: 1e-7));
    }

    [Fact]
    public void A_leftover_temp_folder_or_a_folder_without_meta_is_ignored_and_cleaned()
    {
        var store = new CheckpointStore(_files.Root);
        using var model = nn.Linear(2, 2);
        store.Save(model, null, Meta(1, 1));
        var temp = Directory.CreateDirectory(Path.Combine(_files.Root, ".tmp-epoch-000002-deadbeef")).FullName;
        File.WriteAllText(Path.Combine(temp, CheckpointStore.ModelFile), "half-written");
        Directory.CreateDirectory(Path.Combine(_files.Root, "epoch-000003"));
        Assert.Equal(1, store.Latest()!.Epoch);
        Assert.Equal(Path.Combine(_files.Root, "epoch-000001"), store.LatestPath);
        store.Save(model, null, Meta(2, 1));
        Assert.False(Directory.Exists(temp));
        Assert.Equal(2, store.Latest()!.Epoch);
    }

    [Fact]
    public void A_teacher_loads_from_a_checkpoints_root_a_folder_or_a_file()
    {
        var store = new CheckpointStore(_files.Root);
        using var teacher = nn.Linear(4, 2);
        store.Save(teacher, null, Meta(1, 1));
        foreach (var path in new[] { _files.Root, store.LatestPath!, Path.Combine(store.LatestPath!, CheckpointStore.ModelFile) })
        {
            using var student = nn.Linear(4, 2);
            CheckpointStore.LoadModel(path, student);
            Assert.True(teacher.weight!.allclose(student.weight!));
        }
        Assert.Throws<FileNotFoundException>(() => CheckpointStore.LoadModel(Path.Combine(_files.Root, "none"), nn.Linear(4, 2)));
    }

    [Fact]
    public void Resume_is_refused_when_run_keys_changed_and_allowed_for_resumable_ones()
    {
        var meta = Meta(1, 1, RunConfigLoader.Load(null, ["lr=0.002"]));
        CheckpointStore.EnsureCompatible(meta, RunConfigLoader.Load(null, ["lr=0.002", "device=cpu", "outDir=/elsewhere"]));
        var e = Assert.Throws<CheckpointMismatchException>(
            () => CheckpointStore.EnsureCompatible(meta, RunConfigLoader.Load(null, ["lr=0.003", "timeSteps=4"])));
        Assert.Equal("cannot resume: the config changes the run (lr: checkpoint 0.002, now 0.003; timeSteps: checkpoint 8, now 4); " +
                     "start a new outDir or restore those keys", e.Message);
    }

    [Fact]
    public void A_checkpoint_from_before_a_key_existed_resumes_while_that_key_keeps_its_default()
    {
        var config = RunConfigLoader.Load(null, ["lr=0.002"]);
        // As an earlier version wrote it: without dataset.testFraction, so with another hash.
        var old = Meta(1, 1, config) with { ConfigHash = "older", RunValues = config.RunAffectingValues().Remove("dataset.testFraction") };
        CheckpointStore.EnsureCompatible(old, config);
        var e = Assert.Throws<CheckpointMismatchException>(
            () => CheckpointStore.EnsureCompatible(old, RunConfigLoader.Load(null, ["lr=0.002", "dataset.testFraction=0.5"])));
        Assert.Equal("cannot resume: the config changes the run (dataset.testFraction: checkpoint (absent), now 0.5); " +
                     "start a new outDir or restore those keys", e.Message);
    }

    [Fact]
    public void The_torch_generator_state_round_trips()
    {
        manual_seed(5);
        var saved = CheckpointStore.CaptureTorchRng();
        var first = rand(4).data<float>().ToArray();
        rand(4).Dispose();
        CheckpointStore.RestoreTorchRng(saved);
        Assert.Equal(first, rand(4).data<float>().ToArray());
    }
}
