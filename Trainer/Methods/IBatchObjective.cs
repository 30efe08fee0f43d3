using Sweep.Trainer.Data;
using Sweep.Trainer.Models;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>What differs between the spiking methods: the loss of one batch. The loop around it is shared.</summary>
public interface IBatchObjective
{
    /// <summary>Trainable modules beyond the network (TMKT's MAG/MRP heads); they join the optimizer and checkpoint.</summary>
    IEnumerable<nn.Module> ExtraModules { get; }

    ObjectiveStep Compute(SpikingNetwork model, PairedBatch batch, BatchContext at);
}
