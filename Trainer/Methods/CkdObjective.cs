using Sweep.Trainer.Snn;
using Sweep.Trainer.Config;
using Sweep.Trainer.Data;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Models;
using Sweep.Trainer.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>
/// <c>method: ckd</c> (methods.md §4.2): KT's substrate (category-matched RGB, sliding replacement, CKA + STR, TET on
/// both branches) plus phased KD from a frozen ANN teacher on the replaced branch s:
/// L = L_cls-s + L_cls-e + β·L_DA + W(progress)·KD(teacher(RGB colour), branch-s logits), W = kdWeight during
/// phase I, a sigmoid drop over [switchStart, switchEnd], 0 in phase II. KD covers the whole branch-s batch, the
/// replaced samples too: the teacher's image has the same class, and W is already near 0 once most are replaced.
/// </summary>
public sealed class CkdObjective(RunConfig config, nn.Module<Tensor, Tensor> teacher) : IBatchObjective, IDisposable
{
    private readonly Generator _rng = new((ulong)config.Seed);
    private readonly KdWeightSchedule _weight = new(config.Ckd.SwitchStart, config.Ckd.SwitchEnd, config.Ckd.SwitchSharpness);
    private Device? _teacherDevice;

    // The teacher is no extra module: not optimised, not checkpointed (ckd.teacher names it again on resume).
    public IEnumerable<nn.Module> ExtraModules => [];

    /// <summary>W at a point of training (kdWeight × the phased schedule).</summary>
    public double KdWeight(double progress) => config.Ckd.KdWeight * _weight.At(progress);

    public ObjectiveStep Compute(SpikingNetwork model, PairedBatch batch, BatchContext at)
    {
        var output = model.Forward(TransferInputs.SlidingReplaced(config, batch, at, _rng), batch.Dvs);
        var loss = TransferLoss.Compute(config, model, output, batch.Labels);
        var w = KdWeight(at.Progress);
        if (w > 0) loss = loss.add(KdLoss.Compute(output.LogitsA, TeacherLogits(batch), config.Ckd.Temperature).Mul(w));
        return new ObjectiveStep(loss, output.LogitsB);
    }

    public void Dispose() => teacher.Dispose();

    private Tensor TeacherLogits(PairedBatch batch)
    {
        var colour = batch.RgbColour
            ?? throw new InvalidOperationException($"method ckd needs colour RGB images for the teacher, but dataset '{config.Dataset.Kind}' gave none");
        if (_teacherDevice?.ToString() != colour.device.ToString())
        {
            teacher.to(colour.device);
            _teacherDevice = colour.device;
        }
        using var _ = no_grad();
        return teacher.call(colour);
    }
}
