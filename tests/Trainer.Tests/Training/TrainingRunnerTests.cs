using Sweep.Contracts;
using Sweep.Contracts.TrialProtocol;
using Sweep.Trainer.Config;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Tests.Config;
using Sweep.Trainer.Training.Checkpoints;
using Sweep.Trainer.Training.Control;
using Sweep.Trainer.Training;

namespace Sweep.Trainer.Tests.Training;

[Collection(TorchCollection.Name)]
public sealed class TrainingRunnerTests : IDisposable
{
    private readonly TempFiles _files = new();

    public TrainingRunnerTests() => TorchRuntime.Initialize(new TorchRuntimeOptions(Threads: 1));

    public void Dispose() => _files.Dispose();

    private (int Code, List<ProtocolRecord> Lines, CheckpointStore Store) Run(ITrainingMethod method, bool resume = false, params string[] sets)
    {
        var config = RunConfigLoader.Load(null, ["epochs=3", "warmupEpochs=0", $"outDir={_files.Root}", .. sets]);
        var store = new CheckpointStore(config.CheckpointDir);
        var stdout = new StringWriter();
        using var control = new RunController(config.MaxSteps, handleSignals: false);
        var session = new TrainingSession(config, "cpu", new ProtocolWriter(stdout), store, control, TextWriter.Null,
                                          resume ? store.Latest() : null);
        var code = TrainingRunner.Run(session, method);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ProtocolReader.ParseStrict).ToList(), store);
    }

    [Fact]
    public void A_complete_run_reports_each_epoch_and_every_n_steps_then_the_result()
    {
        var (code, lines, store) = Run(new RegressionMethod(stepsPerEpoch: 3), sets: "reportEvery=2");
        Assert.Equal(0, code);
        Assert.Equal([2L, 3, 4, 6, 6, 8, 9], lines.OfType<ProgressRecord>().Select(p => p.Step));
        Assert.Equal([1, 1, 2, 2, 2, 3, 3], lines.OfType<ProgressRecord>().Select(p => p.Epoch));
        var result = Assert.IsType<ResultRecord>(lines[^1]);
        Assert.Equal(TrialState.Complete, result.Status);
        Assert.Null(result.Error);
        Assert.Equal(5, result.Params);
        Assert.InRange(result.BestValTop1!.Value, result.ValTop1!.Value - 1e-12, 1);
        Assert.Equal(3, store.Latest()!.Epoch);
        Assert.Equal(9, store.Latest()!.GlobalStep);
    }

    [Fact]
    public void A_nan_loss_fails_the_run_with_the_step()
    {
        var (code, lines, _) = Run(new RegressionMethod(3, nanAtStep: 5));
        Assert.Equal(1, code);
        var result = Assert.IsType<ResultRecord>(lines[^1]);
        Assert.Equal(ResultRecord.Of(TrialState.Failed, null, result.BestValTop1, 1, null, null, null, "loss is NaN at step 5"), result);
        Assert.Single(lines.OfType<ProgressRecord>());
    }

    [Fact]
    public void A_stop_request_checkpoints_reports_cancelled_and_resume_continues()
    {
        var (code, lines, store) = Run(new RegressionMethod(3, signalAtStep: 5));
        Assert.Equal(143, code);
        var result = Assert.IsType<ResultRecord>(lines[^1]);
        Assert.Equal(TrialState.Cancelled, result.Status);
        Assert.Equal("cancelled by SIGTERM at step 5", result.Error);
        Assert.Equal((2, 5L), (store.Latest()!.Epoch, store.Latest()!.GlobalStep));

        var (again, resumed, _) = Run(new RegressionMethod(3), resume: true);
        Assert.Equal(0, again);
        Assert.Equal([(8L, 3)], resumed.OfType<ProgressRecord>().Select(p => (p.Step, p.Epoch)));
        Assert.Equal(TrialState.Complete, Assert.IsType<ResultRecord>(resumed[^1]).Status);
    }

    [Fact]
    public void Max_steps_ends_a_complete_run_early()
    {
        var (code, lines, store) = Run(new RegressionMethod(3), sets: "maxSteps=4");
        Assert.Equal(0, code);
        Assert.Equal(4, lines.OfType<ProgressRecord>().Last().Step);
        Assert.Equal(TrialState.Complete, Assert.IsType<ResultRecord>(lines[^1]).Status);
        Assert.Equal(2, store.Latest()!.Epoch);
    }

    [Fact]
    public void An_exception_in_the_method_still_ends_the_protocol()
    {
        var (code, lines, _) = Run(new ThrowingMethod());
        Assert.Equal(1, code);
        Assert.Equal(ResultRecord.Failed("InvalidOperationException: dataset folder is empty"), Assert.Single(lines));
    }

    private sealed class ThrowingMethod : ITrainingMethod
    {
        public TrainingOutcome Train(TrainingSession session) => throw new InvalidOperationException("dataset folder is empty");
    }
}
