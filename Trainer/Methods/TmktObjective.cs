using Sweep.Trainer.Snn;
using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Models;
using Sweep.Trainer.Schedules;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// <c>method: tmkt</c> (methods.md §3.3): truncated time-step mixup (t* geometric with p solved from r_m; every frame
/// from t* on is an event frame) replaces KT's RGB branch; KT's loss plus λ_MAG·MAG (per-step modality) and
/// λ_MRP·MRP (realised ratio K/T) on the mixed branch's head inputs.
/// </summary>
public sealed class TmktObjective : IBatchObjective
{
    private readonly RunConfig _config;
    private readonly Generator _rng;
    private readonly MixRatioSchedule _ratio;
    private readonly MagHead _mag;
    private readonly MrpHead _mrp;

    public TmktObjective(RunConfig config, long featureDim)
    {
        _config = config;
        _rng = new Generator((ulong)config.Seed);
        // r_m's schedule is unknown (methods.md §3.3). The default ramp (0 → tmkt.mixRatio = 1, like KT's P = progress^3)
        // is the spec's curriculum reading and lets the shared network see whole RGB sequences early; at fraction 1.0 it
        // trained the RGB path much further than a fixed 0.5 (BENCHMARKS.md §4.2).
        _ratio = config.Tmkt.MixSchedule == MixSchedule.Ramp
            ? MixRatioSchedule.Ramp(0.0, config.Tmkt.MixRatio, config.Tmkt.RampPower)
            : MixRatioSchedule.Fixed(config.Tmkt.MixRatio);
        // MAG/MRP loss forms are inferred (methods.md §3.3 names both readings); the keys choose.
        _mag = new MagHead(featureDim, config.Tmkt.MagLoss);
        _mrp = new MrpHead(featureDim, config.Tmkt.MrpLoss);
    }

    public IEnumerable<nn.Module> ExtraModules => [_mag, _mrp];

    public ObjectiveStep Compute(SpikingNetwork model, PairedBatch batch, BatchContext at)
    {
        var dvs = batch.Dvs;
        var steps = (int)dvs.shape[0];
        var p = TimeStepMixup.SolveProbability(Math.Clamp(_ratio.At(at.Progress), 0.0, 1.0), steps);
        var (_, modality) = TimeStepMixup.Sample(p, steps, dvs.shape[1], _rng);
        var mixed = where(modality.Gt(0.5).view(steps, -1, 1, 1, 1), dvs, TransferInputs.RgbSequence(_config, batch));
        var output = model.Forward(mixed, dvs);
        var loss = TransferLoss.Compute(_config, model, output, batch.Labels)
            .add(_mag.Loss(output.FeaturesA, modality).Mul(_config.Tmkt.MagWeight))
            .add(_mrp.Loss(output.FeaturesA, modality.mean([0])).Mul(_config.Tmkt.MrpWeight));
        return new ObjectiveStep(loss, output.LogitsB);
    }
}
