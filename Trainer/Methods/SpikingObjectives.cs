using Sweep.Contracts.Config;
using Sweep.Trainer.Config;
using Sweep.Trainer.Models;

namespace Sweep.Trainer.Methods;

/// <summary>The batch objective of the spiking methods that need nothing but the network (dvs, kt, tmkt).</summary>
public static class SpikingObjectives
{
    /// <summary>The objective of <paramref name="config"/>.Method, or null for a method that needs more (ckd, ann).</summary>
    public static IBatchObjective? Create(RunConfig config, SpikingNetwork model) => config.Method switch
    {
        TrainingMethod.Dvs => new DvsObjective(config),
        TrainingMethod.Kt => new KtObjective(config),
        TrainingMethod.Tmkt => new TmktObjective(config, model.FeatureDim),
        _ => null,
    };
}
