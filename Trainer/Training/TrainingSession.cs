using System.Collections.Immutable;
using System.Diagnostics;
using Sweep.Contracts.TrialProtocol;
using Sweep.Trainer.Config;
using Sweep.Trainer.Training.Checkpoints;
using Sweep.Trainer.Training.Control;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trainer.Training;

/// <summary>
/// Everything a training method needs around its math, for one run: the config, the device, where to resume from,
/// the stop signal, progress lines, checkpoints and best-epoch tracking. Single-threaded, like the loop.
/// </summary>
public sealed class TrainingSession
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TrainingSession(RunConfig config, string device, ProtocolWriter protocol, CheckpointStore checkpoints,
                           RunController control, TextWriter log, CheckpointMetadata? resume = null)
    {
        (Config, Device, Protocol, Checkpoints, Control, Log, Resume) = (config, device, protocol, checkpoints, control, log, resume);
        GlobalStep = resume?.GlobalStep ?? 0;
        (BestValTop1, BestEpoch) = (resume?.BestValTop1, resume?.BestEpoch);
    }

    public RunConfig Config { get; }

    /// <summary>Resolved device: <c>cpu</c> or <c>cuda:N</c>.</summary>
    public string Device { get; }

    public ProtocolWriter Protocol { get; }

    public CheckpointStore Checkpoints { get; }

    public RunController Control { get; }

    /// <summary>stderr: human-readable logs. stdout belongs to the protocol.</summary>
    public TextWriter Log { get; }

    /// <summary>The checkpoint this run continues from; restore weights with <see cref="CheckpointStore.Restore"/>.</summary>
    public CheckpointMetadata? Resume { get; }

    /// <summary>First epoch to train, 1-based: 1, or the one after the resumed checkpoint.</summary>
    public int StartEpoch => (Resume?.Epoch ?? 0) + 1;

    public long GlobalStep { get; private set; }

    public double? BestValTop1 { get; private set; }

    public int? BestEpoch { get; private set; }

    /// <summary>Wall-clock seconds since this process started the run (a resumed run starts again at 0).</summary>
    public double ElapsedS => _clock.Elapsed.TotalSeconds;

    /// <summary>Throws <see cref="NonFiniteLossException"/> when <paramref name="loss"/> is NaN or infinite.</summary>
    public void CheckLoss(double loss) => LossGuard.Check(loss, GlobalStep + 1);

    /// <summary>
    /// After each optimizer step: counts it, writes a progress line every <c>reportEvery</c> steps, and returns true
    /// when the loop must stop (a signal, or <c>maxSteps</c>).
    /// </summary>
    public bool StepDone(int epoch, double? loss = null, double? lr = null, double? samplesPerS = null, double? trainTop1 = null)
    {
        GlobalStep++;
        if (Config.ReportEvery > 0 && GlobalStep % Config.ReportEvery == 0)
            Protocol.WriteProgress(ProgressRecord.Of(GlobalStep, epoch, loss, trainTop1, null, samplesPerS, lr, ElapsedS));
        return Control.StepDone(GlobalStep);
    }

    /// <summary>After each epoch's validation: updates the best epoch, writes the progress line, saves the checkpoint.</summary>
    public void EndEpoch(EpochSummary summary, nn.Module model, OptimizerHelper? optimizer,
                         IReadOnlyDictionary<string, long>? rngPositions = null)
    {
        if (summary.ValTop1 is { } v && double.IsFinite(v) && (BestValTop1 is not { } best || v > best))
            (BestValTop1, BestEpoch) = (v, summary.Epoch);
        Protocol.WriteProgress(ProgressRecord.Of(summary.GlobalStep, summary.Epoch, summary.Loss, summary.TrainTop1, summary.ValTop1,
                                   summary.SamplesPerS, summary.Lr, ElapsedS));
        var meta = new CheckpointMetadata(
            summary.Epoch, summary.GlobalStep, summary.ValTop1, BestValTop1, BestEpoch, Config.Seed,
            CheckpointStore.CaptureTorchRng(),
            (rngPositions ?? ImmutableSortedDictionary<string, long>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal),
            Config.Hash, Config.RunAffectingValues(), Config.Provenance, optimizer is not null, DateTimeOffset.UtcNow);
        var path = Checkpoints.Save(model, optimizer, meta);
        Log.WriteLine($"epoch {summary.Epoch}: checkpoint {path}");
    }
}
