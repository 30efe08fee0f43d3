using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Sweep.Contracts.Config;
using Sweep.Trainer.Losses;
using Sweep.Trainer.Snn;

namespace Sweep.Trainer.Config;

/// <summary>
/// A resolved run config: every key of <see cref="ConfigKeys.All"/> with its typed value (defaults filled in), plus
/// the provenance block a <c>sweep best</c> file carries. Built by <see cref="RunConfigLoader"/>; immutable.
/// </summary>
public sealed class RunConfig
{
    internal RunConfig(ImmutableDictionary<string, object> values, ImmutableSortedDictionary<string, string> provenance)
    {
        Values = values;
        Provenance = provenance;
        Method = Parse<TrainingMethod>("method");
        Model = Parse<ModelKind>("model");
        Surrogate = Parse<SurrogateKind>("surrogate");
        StepMode = Parse<StepModeKind>("stepMode");
        Kt = new(Get<double>("kt.pow"), Get<double>("kt.domainWeight"), Get<bool>("kt.str"));
        Tmkt = new(Get<double>("tmkt.mixRatio"), Parse<MixSchedule>("tmkt.mixSchedule"), Get<double>("tmkt.magWeight"), Get<double>("tmkt.mrpWeight"),
                   Get<double>("tmkt.rampPower"), Parse<MagLossKind>("tmkt.magLoss"), Parse<MrpLossKind>("tmkt.mrpLoss"));
        Ckd = new(Get<string>("ckd.teacher"), Get<double>("ckd.kdWeight"), Get<double>("ckd.temperature"),
                  Get<double>("ckd.switchStart"), Get<double>("ckd.switchEnd"), Get<double>("ckd.switchSharpness"));
        Dataset = new(Get<string>("dataset.kind"), Get<string>("dataset.root"), Get<string>("dataset.rgbRoot"),
                      Get<int>("dataset.frameSize"), Get<double>("dataset.trainFraction"), Get<double>("dataset.rgbFraction"),
                      Get<int>("dataset.classes"), Get<int>("dataset.samplesPerClass"), Get<double>("dataset.noise"),
                      Get<int>("dataset.seed") is > 0 and var ds ? ds : Get<int>("seed"), Get<bool>("dataset.augment"));
        Hash = ComputeHash(RunAffectingValues());
    }

    /// <summary>Every key at its default.</summary>
    public static RunConfig Default { get; } = new(
        ConfigKeys.All.ToImmutableDictionary(k => k.Name, k => k.Default, StringComparer.Ordinal),
        ImmutableSortedDictionary<string, string>.Empty);

    /// <summary>Canonical key → int, double, bool or string (choices in their canonical spelling).</summary>
    public ImmutableDictionary<string, object> Values { get; }

    /// <summary>Where the config came from (sweepId, trial, metric, value, …); not used by training, kept in checkpoints.</summary>
    public ImmutableSortedDictionary<string, string> Provenance { get; }

    public TrainingMethod Method { get; }
    public ModelKind Model { get; }
    public SurrogateKind Surrogate { get; }
    public StepModeKind StepMode { get; }
    public int TimeSteps => Get<int>("timeSteps");
    public double Tau => Get<double>("tau");
    public double Threshold => Get<double>("threshold");
    public int Epochs => Get<int>("epochs");
    public int BatchSize => Get<int>("batchSize");
    public double Lr => Get<double>("lr");
    public double WeightDecay => Get<double>("weightDecay");
    public int WarmupEpochs => Get<int>("warmupEpochs");
    public double MinLr => Get<double>("minLr");
    public int Seed => Get<int>("seed");

    /// <summary>Optimizer steps after which the run stops; 0 = no limit.</summary>
    public int MaxSteps => Get<int>("maxSteps");
    public double TetLambda => Get<double>("tet.lambda");
    public KtSettings Kt { get; }
    public TmktSettings Tmkt { get; }
    public CkdSettings Ckd { get; }
    public DatasetSettings Dataset { get; }
    public string Device => Get<string>("device");

    /// <summary>Torch intra-op threads; 0 = libtorch's default.</summary>
    public int Threads => Get<int>("threads");

    /// <summary>Progress every N optimizer steps in addition to once per epoch; 0 = per epoch only.</summary>
    public int ReportEvery => Get<int>("reportEvery");
    public string OutDir => Get<string>("outDir");

    /// <summary><c>checkpointDir</c>, or <c>outDir/checkpoints</c> when it is empty.</summary>
    public string CheckpointDir => Get<string>("checkpointDir") is { Length: > 0 } d ? d : Path.Combine(OutDir, "checkpoints");

    /// <summary>SHA-256 (hex) of the keys that change what the run computes (all but <see cref="ConfigKey.Resumable"/> ones).</summary>
    public string Hash { get; }

    /// <summary>Any key's value, e.g. a dataset key without a property yet.</summary>
    public T Get<T>(string key) => Values.TryGetValue(key, out var v)
        ? (T)v
        : throw new KeyNotFoundException($"'{key}' is not a run-config key");

    /// <summary>The values the config hash covers, formatted, by key: a resume compares these to name what changed.</summary>
    public ImmutableSortedDictionary<string, string> RunAffectingValues() =>
        ConfigKeys.All.Where(k => !k.Resumable)
            .ToImmutableSortedDictionary(k => k.Name, k => ConfigValueParser.Format(Values[k.Name]), StringComparer.Ordinal);

    /// <summary>A copy with some keys replaced (tests, and methods that derive a teacher config).</summary>
    public RunConfig With(IEnumerable<KeyValuePair<string, object>> changes) =>
        new(Values.SetItems(changes.Select(c => KeyValuePair.Create(
            ConfigKeys.Find(c.Key)?.Name ?? throw new KeyNotFoundException($"'{c.Key}' is not a run-config key"), c.Value))), Provenance);

    private T Parse<T>(string key) where T : struct, Enum => Enum.Parse<T>(Get<string>(key).Replace("-", ""), ignoreCase: true);

    private static string ComputeHash(ImmutableSortedDictionary<string, string> values)
    {
        var text = new StringBuilder();
        foreach (var (k, v) in values) text.Append(k).Append('=').Append(v).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
