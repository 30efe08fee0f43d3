using System.Collections.Frozen;
using System.Collections.Immutable;
using Sweep.Contracts.Text;

namespace Sweep.Contracts.Config;

/// <summary>
/// The registry of every run-config key: the one place to add one (dataset keys live in
/// <see cref="DatasetConfigKeys"/>). Defaults are small-budget ones that train in a few epochs (README, "Run
/// config"): V_th 0.3 rather than braincog's 0.5 (a network that starts nearly silent leaves short two-branch runs
/// at chance) and AdamW at an unscaled lr 5e-3 rather than the papers' 5e-3·batch/1024.
/// </summary>
public static class ConfigKeys
{
    /// <summary>The method names, from <see cref="TrainingMethod"/>.</summary>
    public static readonly ImmutableArray<string> Methods = [.. Enum.GetNames<TrainingMethod>().Select(n => n.ToLowerInvariant())];
    public static readonly ImmutableArray<string> Models = ["vggsnn", "resnet18", "scnn", "ann-resnet18", "ann-cnn"];
    /// <summary>The <c>ckd.teacher</c> value that asks for a shared teacher trained on first use.</summary>
    public const string TeacherAuto = "auto";

    public static readonly ImmutableArray<string> Surrogates = ["qgate", "backei", "sigmoid"];

    public static ImmutableArray<ConfigKey> All { get; } =
    [
        Choice("method", "dvs", Methods, "Training method: dvs (events only), kt, tmkt, ckd, or ann (RGB teacher)."),
        Choice("model", "scnn", Models, "Backbone; ann-resnet18 and ann-cnn (a small ANN) only with method ann."),
        Choice("surrogate", "qgate", Surrogates, "Surrogate gradient of the spike function."),
        Choice("stepMode", "multi", ["multi", "single"], "multi: [T,N,...] layer by layer; single: one time step at a time."),
        Int("timeSteps", 8, 1, 64, "Time steps T per sample."),
        Number("tau", 2.0, 1.0, null, "LIF membrane time constant (> 1).", exclusive: true),
        Number("threshold", 0.3, 0, null, "LIF firing threshold V_th (braincog: 0.5; 0.3 trains at small budgets).", exclusive: true),
        Int("epochs", 10, 1, null, "Training epochs; ramps and switch points are fractions of this."),
        Int("batchSize", 32, 1, null, "Samples per optimizer step."),
        Number("lr", 5e-3, 0, null, "AdamW peak learning rate (not scaled by batch size).", exclusive: true),
        Number("weightDecay", 0.01, 0, null, "AdamW weight decay (not on biases and 1-D parameters)."),
        Int("warmupEpochs", 1, 0, null, "Linear warm-up epochs before the cosine decay."),
        Number("minLr", 1e-5, 0, null, "Learning rate at the end of the cosine decay."),
        Int("seed", 42, 0, null, "Seed of torch and of every sampler the run owns."),
        Int("maxSteps", 0, 0, null, "Stop after this many optimizer steps (0: no limit).") with { Resumable = true },
        Number("tet.lambda", 1e-3, 0, 1, "TET loss: weight of the MSE-to-threshold term."),
        Number("kt.pow", 3.0, 0, null, "Sliding replacement P = progress^pow.", exclusive: true),
        Number("kt.domainWeight", 0.5, 0, null, "β: weight of the CKA domain-alignment loss."),
        Bool("kt.str", true, "Spatio-temporal regularisation: learnable per-step weights σ(η_t)."),
        Bool("transfer.blankRgb", false, "Control: the RGB branch sees blank (zero) frames, so no appearance knowledge reaches it."),
        Number("tmkt.mixRatio", 1.0, 0, 1, "Expected fraction r_m of event frames in a mixed sequence (ramp: its end value)."),
        Choice("tmkt.mixSchedule", "ramp", ["fixed", "ramp"], "ramp: r_m rises from 0 to tmkt.mixRatio as progress^rampPower; fixed: r_m all run."),
        Number("tmkt.rampPower", 3.0, 0, null, "Exponent of the r_m ramp (3: the shape of KT's P = progress^3).", exclusive: true),
        Number("tmkt.magWeight", 0.1, 0, null, "λ_MAG: weight of the per-step modality loss."),
        Number("tmkt.mrpWeight", 0.1, 0, null, "λ_MRP: weight of the mix-ratio regression loss."),
        Choice("tmkt.magLoss", "cross-entropy", ["cross-entropy", "binary"], "MAG loss: 2-way cross-entropy per step, or one logit with BCE."),
        Choice("tmkt.mrpLoss", "mse", ["mse", "soft-binary"], "MRP loss: MSE of sigmoid(logit) to K/T, or BCE with K/T as a soft label."),
        PathKey("ckd.teacher", "", "ANN teacher checkpoint (a file, a checkpoint folder, or a run's checkpoints/); auto: trained once per dataset, frame size and seed into HOME/teachers/ and shared.") with { Keywords = [TeacherAuto] },
        Choice("ckd.teacherModel", "ann-resnet18", ["ann-resnet18", "ann-cnn"], "With ckd.teacher: auto, the teacher's model."),
        Int("ckd.teacherEpochs", 0, 0, null, "With ckd.teacher: auto, the teacher's epochs (0: the student's epochs)."),
        Number("ckd.kdWeight", 1.0, 0, null, "KD weight W during phase I."),
        Number("ckd.temperature", 2.0, 0, null, "KD softmax temperature τ.", exclusive: true),
        Number("ckd.switchStart", 0.3, 0, 1, "Fraction of training where W starts falling from kdWeight."),
        Number("ckd.switchEnd", 0.6, 0, 1, "Fraction of training where W reaches 0."),
        Number("ckd.switchSharpness", 10.0, 0, null, "Steepness of the sigmoid that takes W from kdWeight to 0.", exclusive: true),
        Text("device", "auto", "auto (cuda:0 when CUDA is visible, else cpu), cpu, cuda or cuda:N.") with { Resumable = true },
        Int("threads", 0, 0, null, "Torch intra-op threads (0: libtorch's default).") with { Resumable = true },
        Int("reportEvery", 0, 0, null, "Also report progress every N steps (0: once per epoch).") with { Resumable = true },
        PathKey("outDir", "runs/train", "Run folder: checkpoints/ and logs go here.") with { Resumable = true },
        PathKey("checkpointDir", "", "Checkpoint folder (empty: outDir/checkpoints).") with { Resumable = true },
        .. DatasetConfigKeys.All,
    ];

    private static readonly FrozenDictionary<string, ConfigKey> ByName =
        All.SelectMany(k => k.Aliases.Add(k.Name).Select(n => (n, k))).ToFrozenDictionary(p => p.n, p => p.k, StringComparer.Ordinal);

    /// <summary>The key named <paramref name="name"/> (or one of its aliases), or null.</summary>
    public static ConfigKey? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The canonical name closest to an unknown one, for "did you mean".</summary>
    public static string? Suggest(string name) => KeySuggester.Closest(name, All.Select(k => k.Name));

    internal static ConfigKey Int(string name, int value, int min, int? max, string description) =>
        new(name, ConfigValueKind.Int, value, description) { Min = min, Max = max };

    internal static ConfigKey Number(string name, double value, double min, double? max, string description, bool exclusive = false) =>
        new(name, ConfigValueKind.Number, value, description) { Min = min, Max = max, MinExclusive = exclusive };

    internal static ConfigKey Bool(string name, bool value, string description) =>
        new(name, ConfigValueKind.Bool, value, description);

    internal static ConfigKey Choice(string name, string value, ImmutableArray<string> choices, string description) =>
        new(name, ConfigValueKind.Choice, value, description) { Choices = choices };

    internal static ConfigKey Text(string name, string value, string description) =>
        new(name, ConfigValueKind.Text, value, description);

    internal static ConfigKey PathKey(string name, string value, string description) =>
        new(name, ConfigValueKind.Path, value, description);
}
