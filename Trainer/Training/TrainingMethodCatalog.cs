using System.Collections.Frozen;
using Sweep.Contracts.Config;
using Sweep.Trainer.Config;
using Sweep.Trainer.Methods;

namespace Sweep.Trainer.Training;

/// <summary>
/// Which <see cref="ITrainingMethod"/> runs each <c>method</c>. <see cref="BuiltIn"/> is what <c>sweep train</c>
/// uses: methods are added there as their loops land; a method missing from it fails the run with a clear error.
/// </summary>
public sealed class TrainingMethodCatalog(IReadOnlyDictionary<TrainingMethod, Func<RunConfig, ITrainingMethod>> factories)
{
    private readonly FrozenDictionary<TrainingMethod, Func<RunConfig, ITrainingMethod>> _factories = factories.ToFrozenDictionary();

    public static TrainingMethodCatalog BuiltIn { get; } = new(new Dictionary<TrainingMethod, Func<RunConfig, ITrainingMethod>>
    {
        [TrainingMethod.Dvs] = _ => new SpikingMethod(ByNetwork),
        [TrainingMethod.Kt] = _ => new SpikingMethod(ByNetwork),
        [TrainingMethod.Tmkt] = _ => new SpikingMethod(ByNetwork),
        [TrainingMethod.Ckd] = _ => new SpikingMethod((c, _, d) => new CkdObjective(c, AnnTeacher.Load(c, d.ClassCount, d.FrameSize))),
        [TrainingMethod.Ann] = _ => new AnnMethod(),
    });

    private static IBatchObjective ByNetwork(RunConfig c, Models.SpikingNetwork m, Data.IPairedDataset _) =>
        SpikingObjectives.Create(c, m) ?? throw new InvalidOperationException($"method {c.Method} has no network-only objective");

    public IEnumerable<TrainingMethod> Methods => _factories.Keys.Order();

    /// <summary>The method for <paramref name="config"/>.Method, or null when this build has none.</summary>
    public ITrainingMethod? Create(RunConfig config) => _factories.TryGetValue(config.Method, out var f) ? f(config) : null;
}
